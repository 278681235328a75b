using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>
/// A flare: pain now ≥ 7, or ≥ 2 above the mean of the 3 previous check-ins, or a second stop within 7
/// days. Return/prevent step back to restore, restore to settle (SPEC §4).
/// </summary>
public class FlareTests
{
    [Theory]
    [InlineData(Phase.Settle, PhaseMove.Restart, Phase.Settle)]
    [InlineData(Phase.Restore, PhaseMove.StepBack, Phase.Settle)]
    [InlineData(Phase.Return, PhaseMove.StepBack, Phase.Restore)]
    [InlineData(Phase.Prevent, PhaseMove.StepBack, Phase.Restore)]
    public void Flare_PainSevenOrMore_StepsBackAPhase(Phase from, PhaseMove move, Phase to)
    {
        var decision = Decide(from, "6 6 6 7");

        Assert.Equal(move, decision.Move);
        Assert.Equal(to, decision.Next.Phase);
        Assert.Equal(Day(4), decision.Next.CountsFrom);
        Assert.True(decision.IsFlare);
        Assert.Contains("7 or more", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6", false)]
    [InlineData("7", true)]           // pain ≥ 7 needs no history
    [InlineData("1 1 1 3", true)]     // mean 1, +2
    [InlineData("1 1 1 2", false)]    // mean 1, +1
    [InlineData("1 2 2 4", true)]     // mean 1.67, +2.33
    [InlineData("1 2 2 3", false)]    // mean 1.67, +1.33
    [InlineData("5 5 5 6", false)]
    [InlineData("1 1 3", false)]      // only 2 previous check-ins: the mean rule waits for 3
    [InlineData("1 1 1 _ _ 3", true)] // previous check-ins, not previous days
    [InlineData("9 1 1 1 3", true)]   // only the last 3 make the mean
    public void Flare_PainTwoAboveMeanOfLastThree_StepsBack(string days, bool flare)
    {
        var decision = Decide(Phase.Prevent, days);

        Assert.Equal(flare, decision.IsFlare);
        Assert.Equal(flare ? Phase.Restore : Phase.Prevent, decision.Next.Phase);
    }

    [Theory]
    [InlineData("1s 1 1 1 1 1 1s", true)]      // 6 days apart: within 7 days
    [InlineData("1s 1 1 1 1 1 1 1s", false)]   // 7 days apart: the first is out of the window
    [InlineData("1 1ss", true)]                // two stops the same day
    [InlineData("1s 1s", true)]
    [InlineData("1 1 1s", false)]              // a single stop only steps that exercise down (§6)
    [InlineData("1s 1 1", false)]              // the day with no stop is not the second stop
    public void Flare_SecondStopWithinSevenDays_StepsBack(string days, bool flare)
    {
        var decision = Decide(Phase.Prevent, days);

        Assert.Equal(flare, decision.IsFlare);
        Assert.Equal(flare ? PhaseMove.StepBack : PhaseMove.Stay, decision.Move);
    }

    [Fact]
    public void Flare_StopBeforeTheCountStart_IsNotCounted()
    {
        var decision = Decide(Phase.Restore, "1s 1 1s", countsFromDay: 1);

        Assert.False(decision.IsFlare);
    }

    [Fact]
    public void Flare_InPrevent_MovesToRestoreWithReason()
    {
        var decision = Decide(Phase.Prevent, "2 2 2 8");

        Assert.Equal("Back to restore because of a flare: pain now is 8, which is 7 or more.", decision.Reason);
    }

    [Fact]
    public void Flare_OnAPausedDay_StillStepsBack()
    {
        var decision = Decide(Phase.Return, "1 1 1 8p");

        Assert.Equal(PhaseMove.StepBack, decision.Move);
        Assert.Equal(Phase.Restore, decision.Next.Phase);
    }

    [Fact]
    public void Flare_InSettle_RestartsTheCalmDays()
    {
        // Day 3 is a second stop (a flare) with low pain: it must not count as a calm day.
        var decision = Decide(Phase.Settle, "1 1s 1 1s");

        Assert.Equal(PhaseMove.Restart, decision.Move);
        Assert.Equal(Day(4), decision.Next.CountsFrom);
    }
}
