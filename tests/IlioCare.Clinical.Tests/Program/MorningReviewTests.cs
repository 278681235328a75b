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
}
