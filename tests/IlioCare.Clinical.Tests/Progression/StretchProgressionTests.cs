using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>SPEC §5: stretches move on their own ladders (10 → 12 → 15 per side; butterfly 20 → 25 → 30 s) by the §6 rules.</summary>
public class StretchProgressionTests
{
    private static readonly DateOnly s_day0 = new(2026, 3, 2);

    private static ExerciseSession<StretchDose> At(int day, StretchDose dose, bool stopped = false, int before = 2, int during = 2, int? next = 2) =>
        new(s_day0.AddDays(day), dose, true, stopped, 2, before, during, next);

    private static ProgressionDecision<StretchDose> Decide(ExerciseId id, StretchDose current, PainRule rule, params ExerciseSession<StretchDose>[] sessions) =>
        Progressor.DecideStretch(id, rule, current, sessions);

    [Theory]
    [InlineData(ExerciseId.SideKick, 10, 0, 12, 0)]
    [InlineData(ExerciseId.SideKick, 12, 0, 15, 0)]
    [InlineData(ExerciseId.LyingHipRotation, 10, 0, 12, 0)]
    [InlineData(ExerciseId.ButterflyStretch, 3, 20, 3, 25)]
    [InlineData(ExerciseId.ButterflyStretch, 3, 25, 3, 30)]
    public void Stretch_ThreeCalmSessionsInAWeek_StepsUp(ExerciseId id, int count, int hold, int nextCount, int nextHold)
    {
        var dose = new StretchDose(count, hold);
        var d = Decide(id, dose, PainRule.Strict, At(0, dose), At(2, dose), At(4, dose));
        Assert.Equal(ProgressionAction.Progress, d.Action);
        Assert.Equal(new StretchDose(nextCount, nextHold), d.Next);
    }

    [Fact]
    public void Stretch_AtTop_HoldsInsteadOfProgress()
    {
        var top = StretchLadder.Top(ExerciseId.HipRaise);
        var d = Decide(ExerciseId.HipRaise, top, PainRule.Strict, At(0, top), At(1, top), At(2, top));
        Assert.Equal((ProgressionAction.Hold, top), (d.Action, d.Next));
    }

    [Fact]
    public void Stretch_PainRoseDuring_StopsOneStepDown()
    {
        var twelve = new StretchDose(12, 0);
        var d = Decide(ExerciseId.LegRaise, twelve, PainRule.Strict, At(0, twelve, before: 2, during: 3));
        Assert.Equal((ProgressionAction.Stop, new StretchDose(10, 0)), (d.Action, d.Next));
    }

    [Fact]
    public void Stretch_MonitoringRuleAcceptsPainUpToFive_StrictDoesNot()
    {
        var dose = new StretchDose(10, 0);
        var sessions = new[] { At(0, dose, before: 1, during: 5), At(1, dose, before: 1, during: 5), At(2, dose, before: 1, during: 5) };
        Assert.Equal(ProgressionAction.Progress, Decide(ExerciseId.SideKick, dose, PainRule.Monitoring, sessions).Action);
        Assert.Equal(ProgressionAction.Stop, Decide(ExerciseId.SideKick, dose, PainRule.Strict, sessions).Action);
    }

    [Fact]
    public void Stretch_StoppedAtFloor_KeepsStopAndFloor()
    {
        var floor = StretchLadder.Floor(ExerciseId.ButterflyStretch);
        var d = Decide(ExerciseId.ButterflyStretch, floor, PainRule.Strict, At(0, floor, stopped: true));
        Assert.Equal((ProgressionAction.Stop, floor), (d.Action, d.Next));
    }

    [Fact]
    public void Stretch_NotAStretch_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Decide(ExerciseId.SeatedMarching, new StretchDose(10, 0), PainRule.Strict));
}
