using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>The morning check-in runs the phase engine (SPEC §4) and the dose ladders (§6) together.</summary>
public class MorningReviewTests
{
    private static readonly DateOnly s_day0 = new(2026, 3, 2);
    private static readonly Dose s_floor = Ladder.Floor;

    private static CheckIn Calm(int day) => new(s_day0.AddDays(day), 2, 10, 2);

    private static MorningReviewRequest Request(int today, CheckIn[] checkIns, params ExerciseLog<Dose>[] marching) =>
        new(s_day0.AddDays(today), new ProgramState(Phase.Restore, s_day0), new PhaseEvidence { CheckIns = checkIns })
        {
            StrengthLogs = new Dictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>> { [ExerciseId.SeatedMarching] = marching },
        };

    private static ExerciseLog<Dose> Done(int day, bool stopped = false) => new(s_day0.AddDays(day), s_floor, !stopped, stopped, 2, 2);

    [Fact]
    public void MorningReview_ThreeCalmSessionsThenCalmMorning_ProgressesThatExerciseOnly()
    {
        var review = MorningReview.Run(Request(3, [Calm(0), Calm(1), Calm(2), Calm(3)], Done(0), Done(1), Done(2)));
        Assert.Equal((ProgressionAction.Progress, new Dose(2, 20, Resistance.None)),
            (review.Strength[ExerciseId.SeatedMarching].Action, review.Strength[ExerciseId.SeatedMarching].Next));
        Assert.Equal(ProgressionAction.Hold, review.Strength[ExerciseId.StraightLegRaise].Action);
        Assert.All(review.Stretches.Values, d => Assert.Equal(ProgressionAction.Hold, d.Action));
    }

    [Fact]
    public void MorningReview_PainWentUpYesterday_StepsThatDoseDownToday()
    {
        var current = new Dose(2, 20, Resistance.None);
        var request = Request(1, [Calm(0), Calm(1)], new ExerciseLog<Dose>(s_day0, current, false, true, 2, 4)) with
        {
            Evidence = new PhaseEvidence { CheckIns = [Calm(0), Calm(1)], StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = current } },
        };
        var d = MorningReview.Run(request).Strength[ExerciseId.SeatedMarching];
        Assert.Equal((ProgressionAction.Stop, s_floor), (d.Action, d.Next));
    }

    [Fact]
    public void MorningReview_FlareThisMorning_HoldsEveryWouldBeProgress()
    {
        var flare = new CheckIn(s_day0.AddDays(3), 2, 10, 7); // calm morning, pain now 7: a flare (SPEC §4), not a regress
        var review = MorningReview.Run(Request(3, [Calm(0), Calm(1), Calm(2), flare], Done(0), Done(1), Done(2)));
        Assert.Equal(PhaseMove.StepBack, review.Phase.Move);
        Assert.Equal((ProgressionAction.Hold, s_floor), (review.Strength[ExerciseId.SeatedMarching].Action, review.Strength[ExerciseId.SeatedMarching].Next));
    }

    [Fact]
    public void MorningReview_WarningSignThisMorning_PausesAndRaisesNothing()
    {
        var sign = new CheckIn(s_day0.AddDays(3), 2, 10, 2, HasWarningSign: true);
        var review = MorningReview.Run(Request(3, [Calm(0), Calm(1), Calm(2), sign], Done(0), Done(1), Done(2)));
        Assert.Equal(PhaseMove.Pause, review.Phase.Move);
        Assert.DoesNotContain(review.Strength.Values, d => d.Action == ProgressionAction.Progress);
    }

    [Fact]
    public void MorningReview_TodaysOwnSession_IsNotJudgedYet()
    {
        // Today's session (a stop) is not judged until tomorrow's check-in brings its next-morning pain.
        var review = MorningReview.Run(Request(3, [Calm(0), Calm(1), Calm(2), Calm(3)], Done(0), Done(1), Done(2), Done(3, stopped: true)));
        Assert.Equal(ProgressionAction.Progress, review.Strength[ExerciseId.SeatedMarching].Action);
    }

    /// <summary>H105: a stop on day 0 and no session since steps the dose down at the day-1 review only.</summary>
    [Theory]
    [InlineData(1, ProgressionAction.Stop)]   // the first review after the session: one step down
    [InlineData(2, ProgressionAction.Hold)]   // day 1's review already stepped down
    [InlineData(5, ProgressionAction.Hold)]
    public void MorningReview_OneStop_StepsDownOnceHoweverManyMorningsFollow(int today, ProgressionAction expected)
    {
        var current = new Dose(2, 20, Resistance.None);
        var checkIns = Enumerable.Range(0, today + 1).Select(Calm).ToArray();
        var request = Request(today, checkIns, new ExerciseLog<Dose>(s_day0, current, false, true, 2, 4)) with
        {
            Evidence = new PhaseEvidence { CheckIns = checkIns, StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = current } },
        };
        var d = MorningReview.Run(request).Strength[ExerciseId.SeatedMarching];
        Assert.Equal(expected, d.Action);
        Assert.Equal(expected == ProgressionAction.Stop ? s_floor : current, d.Next);
    }

    [Fact]
    public void MorningReview_StopThenMissedCheckIns_StepsDownAtTheFirstCheckInAfterIt()
    {
        // No check-in on days 1-3: the day-4 review is the first to judge the day-0 stop, so it steps down.
        var current = new Dose(2, 20, Resistance.None);
        CheckIn[] checkIns = [Calm(0), Calm(4)];
        var request = Request(4, checkIns, new ExerciseLog<Dose>(s_day0, current, false, true, 2, 4)) with
        {
            Evidence = new PhaseEvidence { CheckIns = checkIns, StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = current } },
        };
        Assert.Equal(ProgressionAction.Stop, MorningReview.Run(request).Strength[ExerciseId.SeatedMarching].Action);
    }

    [Fact]
    public void MorningReview_RegressFromUnsettledNextMorning_StepsDownOnce()
    {
        // Session on day 0 at morning pain 2; day 1's morning pain 4 has not settled (SPEC §6 regress).
        var current = new Dose(2, 20, Resistance.None);
        CheckIn[] checkIns = [Calm(0), new(s_day0.AddDays(1), 4, 10, 2), Calm(2)];
        MorningReviewRequest On(int today) => Request(today, checkIns[..(today + 1)], new ExerciseLog<Dose>(s_day0, current, true, false, 2, 2)) with
        {
            Evidence = new PhaseEvidence { CheckIns = checkIns[..(today + 1)], StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = current } },
        };
        Assert.Equal(ProgressionAction.Regress, MorningReview.Run(On(1)).Strength[ExerciseId.SeatedMarching].Action);
        Assert.Equal(ProgressionAction.Hold, MorningReview.Run(On(2)).Strength[ExerciseId.SeatedMarching].Action);
    }
}
