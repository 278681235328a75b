using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>
/// SPEC §4 (clarified 2026-12-03): "A morning's phase review sees the doses that the same morning's review sets, so
/// the program page, the plan and the hop-test question agree on the same day." Restore, 7 calm days so far; straight
/// leg raise and standing band hip flexion already at light, seated marching at the top of "no resistance" (3×20):
/// three calm sessions at that dose step it up to 2×15 light this morning — unless something in the row says not.
/// </summary>
public class SameDayDoseTests
{
    private static readonly Dose s_topOfNone = new(3, 20, Resistance.None);
    private static readonly Dose s_firstLight = new(2, 15, Resistance.Light);

    private static MorningReviewRequest Request(string days, string sessions, Dose? setByHandToday = null)
    {
        var doses = AllAt(Resistance.Light);
        doses[ExerciseId.SeatedMarching] = s_topOfNone;
        // One token per day from day 0: "." nothing logged, "d" done calmly, "s" stopped for pain, "r" done with pain rising.
        var logs = sessions.Select((c, n) => (c, n)).Where(t => t.c != '.')
            .Select(t => new ExerciseLog<Dose>(Day(t.n), s_topOfNone, t.c != 's', t.c == 's', 1, t.c == 'r' ? 3 : 1))
            .ToArray();
        return new MorningReviewRequest(Today(days), new ProgramState(Phase.Restore, Day(0)), Evidence(days) with { StrengthDoses = doses })
        {
            StrengthLogs = new Dictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>> { [ExerciseId.SeatedMarching] = logs },
            StrengthDosesSetToday = setByHandToday is { } d
                ? new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = d }
                : new Dictionary<ExerciseId, Dose>(),
        };
    }

    [Theory]
    // Three calm sessions (days 4–6) step seated marching up to light this morning: the same review asks the hop test.
    [InlineData("1 1 1 1 1 1 1 1", "....ddd", ProgressionAction.Progress, PhaseMove.Stay, true)]
    // Already asked and answered pain-free the morning the dose reaches light: return starts that day.
    [InlineData("1 1 1 1 1 1 1 1h", "....ddd", ProgressionAction.Progress, PhaseMove.Advance, false)]
    // The rest held without 7 days? Day 6 is the 7th calm day: light reached today, hop test asked for tomorrow.
    [InlineData("1 1 1 1 1 1 1", "...ddd", ProgressionAction.Progress, PhaseMove.Stay, true)]
    // Only two calm sessions: held at 3×20 none, still to reach light.
    [InlineData("1 1 1 1 1 1 1 1", ".....dd", ProgressionAction.Hold, PhaseMove.Stay, false)]
    // Yesterday's session stopped for pain: one step down, still to reach light.
    [InlineData("1 1 1 1 1 1 1 1", "....dds", ProgressionAction.Stop, PhaseMove.Stay, false)]
    // Pain rose during yesterday's session (strict rule): one step down too.
    [InlineData("1 1 1 1 1 1 1 1", "....ddr", ProgressionAction.Stop, PhaseMove.Stay, false)]
    // Six calm days only: light reached, but the days in a row do not hold yet.
    [InlineData("1 1 1 1 1 1", "..ddd", ProgressionAction.Progress, PhaseMove.Stay, false)]
    // A flare this morning (a second stop within 7 days) holds every would-be progress and steps back to settle.
    [InlineData("1 1 1 1 1s 1 1 1s", "....ddd", ProgressionAction.Hold, PhaseMove.StepBack, false)]
    public void MorningReview_PhaseSeesTodaysDoses(string days, string sessions, ProgressionAction action, PhaseMove move, bool askHop)
    {
        var review = MorningReview.Run(Request(days, sessions));

        var marching = review.Strength[ExerciseId.SeatedMarching];
        Assert.Equal(action, marching.Action);
        Assert.Equal(move, review.Phase.Move);
        Assert.Equal(askHop, review.Phase.AskHopTest);
        var light = marching.Next.Resistance >= Resistance.Light;
        Assert.Equal(light || move != PhaseMove.Stay, !review.Phase.Reason.Contains("Still to reach light resistance", StringComparison.Ordinal));
        if (action == ProgressionAction.Progress) Assert.Equal(s_firstLight, marching.Next);
    }

    [Theory]
    // A clinician set light by hand today while the engine would hold: the phase sees the clinician's dose.
    [InlineData(".....dd", Resistance.Light, true)]
    // A clinician kept "no resistance" by hand today while the engine would step up: not light yet.
    [InlineData("....ddd", Resistance.None, false)]
    public void MorningReview_DoseSetByHandToday_IsTheDoseThePhaseSees(string sessions, Resistance byHand, bool askHop)
    {
        var review = MorningReview.Run(Request("1 1 1 1 1 1 1 1", sessions, new Dose(2, 15, byHand)));

        Assert.Equal(askHop, review.Phase.AskHopTest);
        Assert.Equal(!askHop, review.Phase.Reason.Contains("Still to reach light resistance: Seated marching", StringComparison.Ordinal));
    }

    [Fact]
    public void PhaseMoves_OnYesterdaysDoses_WouldHaveSaidNotYet()
    {
        // The bug this guards (H101): the phase engine alone, on the doses before today, says "still to reach light".
        var request = Request("1 1 1 1 1 1 1 1", "....ddd");
        var alone = PhaseMoves.Decide(request.State, request.Evidence, request.Today);
        Assert.False(alone.AskHopTest);
        Assert.True(MorningReview.Run(request).Phase.AskHopTest);
    }
}
