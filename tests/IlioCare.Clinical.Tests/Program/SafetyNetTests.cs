using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>
/// The one decision "paused by a warning sign right now" (F3, issue 12) and what a resume on the day of the sign means:
/// the signs it covered no longer pause; a sign reported after it pauses again.
/// </summary>
public class SafetyNetTests
{
    [Theory]
    [InlineData(false, "", "", false)]
    [InlineData(true, "", "", true)]                          // the stored state says paused
    [InlineData(false, "fever", "", true)]                    // today's sign pauses before its review is stored
    [InlineData(false, "fever", "fever", false)]              // covered by a same-day resume
    [InlineData(false, "fever chills", "fever", true)]        // chills added after the resume
    [InlineData(true, "fever", "fever", true)]                // a stored pause is lifted only by the resume's own state
    public void PausedByWarningSign_StateOrAnUncoveredSignToday(bool statePaused, string reported, string covered, bool paused)
    {
        var open = SafetyNet.OpenSigns(Signs(reported), Signs(covered));

        Assert.Equal(paused, SafetyNet.PausedByWarningSign(statePaused, open));
    }

    [Fact]
    public void CoveredSign_DoesNotPauseTheResumedProgram_OnTheSameDay()
    {
        var resumed = new ProgramState(Phase.Settle, Day(2)); // the resume of day 1: settle, counting from day 2
        var covered = new CheckIn(Day(1), 2, 10, 2, HasWarningSign: true, WarningSignChecked: true);

        var decision = PhaseMoves.Decide(resumed, new PhaseEvidence { CheckIns = [covered] }, Day(1));

        Assert.Equal(PhaseMove.Stay, decision.Move);
        Assert.False(decision.Next.PausedForWarningSign);
    }

    [Fact]
    public void NewSign_AfterTheResume_PausesAgain()
    {
        var resumed = new ProgramState(Phase.Settle, Day(2));
        var added = new CheckIn(Day(1), 2, 10, 2, HasWarningSign: true, WarningSignChecked: false);

        var decision = PhaseMoves.Decide(resumed, new PhaseEvidence { CheckIns = [added] }, Day(1));

        Assert.Equal(PhaseMove.Pause, decision.Move);
        Assert.True(decision.Next.PausedForWarningSign);
    }

    [Fact]
    public void NewSign_OnALaterCheckIn_PausesAgain()
    {
        var resumed = new ProgramState(Phase.Settle, Day(2));
        CheckIn[] days = [new(Day(1), 2, 10, 2, HasWarningSign: true, WarningSignChecked: true), new(Day(2), 2, 10, 2), new(Day(3), 2, 10, 2, HasWarningSign: true)];

        Assert.Equal(PhaseMove.Stay, PhaseMoves.Decide(resumed, new PhaseEvidence { CheckIns = days }, Day(2)).Move);
        Assert.Equal(PhaseMove.Pause, PhaseMoves.Decide(resumed, new PhaseEvidence { CheckIns = days }, Day(3)).Move);
    }

    [Fact]
    public void CoveredSignDay_RaisesNoDose_AndCountsNoCalmDay()
    {
        var floor = Ladder.Floor;
        CheckIn[] days = [new(Day(0), 2, 10, 2), new(Day(1), 2, 10, 2), new(Day(2), 2, 10, 2), new(Day(3), 2, 10, 2, HasWarningSign: true, WarningSignChecked: true)];
        var logs = Enumerable.Range(0, 3).Select(d => new ExerciseLog<Dose>(Day(d), floor, true, false, 2, 2)).ToArray();
        var request = new MorningReviewRequest(Day(3), new ProgramState(Phase.Restore, Day(0)), new PhaseEvidence { CheckIns = days })
        {
            StrengthLogs = new Dictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>> { [ExerciseId.SeatedMarching] = logs },
        };

        var review = MorningReview.Run(request);

        Assert.Equal(PhaseMove.Stay, review.Phase.Move); // no pause …
        Assert.Equal(ProgressionAction.Hold, review.Strength[ExerciseId.SeatedMarching].Action); // … but no rise on the day of a sign
        // Settle after the resume: the covered day is no calm day towards restore.
        var settle = PhaseMoves.Decide(new ProgramState(Phase.Settle, Day(1)),
            new PhaseEvidence { CheckIns = [new(Day(1), 1, 10, 1), new(Day(2), 1, 10, 1), new(Day(3), 1, 10, 1, HasWarningSign: true, WarningSignChecked: true)] }, Day(3));
        Assert.Equal(PhaseMove.Stay, settle.Move);
    }

    private static WarningSign[] Signs(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n switch
        {
            "fever" => WarningSign.Fever,
            "chills" => WarningSign.Chills,
            _ => throw new ArgumentOutOfRangeException(nameof(names), n, "unknown sign in the test"),
        }).ToArray();
}
