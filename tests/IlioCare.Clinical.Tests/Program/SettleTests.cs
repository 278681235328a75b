using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>Settle → restore after 3 days in a row with pain now ≤ 3 and stiffness ≤ 30 min (SPEC §4).</summary>
public class SettleTests
{
    [Theory]
    [InlineData("1 1 1", PhaseMove.Advance)]         // exactly 3
    [InlineData("3 3 3", PhaseMove.Advance)]         // pain 3 is still calm
    [InlineData("1 1", PhaseMove.Stay)]              // only 2
    [InlineData("3 3 4", PhaseMove.Stay)]            // pain 4 today
    [InlineData("4 1 1 1", PhaseMove.Advance)]       // a worse day before the run does not matter
    [InlineData("1 4 1 1", PhaseMove.Stay)]          // a worse day inside the last 3 breaks it
    [InlineData("1 1 _ 1 1", PhaseMove.Stay)]        // gap day restarts the count
    [InlineData("1 1 _ 1 1 1", PhaseMove.Advance)]   // …and 3 after the gap are enough
    [InlineData("1 1 1p 1 1", PhaseMove.Stay)]       // a paused day is not a day of the program
    [InlineData("1 1p 1 1 1", PhaseMove.Advance)]
    public void Phase_SettleCalmDaysInARow_MovesToRestoreAfterThree(string days, PhaseMove expected)
    {
        var decision = Decide(Phase.Settle, days);

        Assert.Equal(expected, decision.Move);
        Assert.Equal(expected == PhaseMove.Advance ? Phase.Restore : Phase.Settle, decision.Next.Phase);
    }

    [Fact]
    public void Phase_SettleThreeCalmDays_MovesToRestoreWithAReasonAndCountFromTomorrow()
    {
        var decision = Decide(Phase.Settle, "2 2 2");

        Assert.Equal(PhaseMove.Advance, decision.Move);
        Assert.Equal(Day(3), decision.Next.CountsFrom);
        Assert.Equal("Moved to restore: 3 days in a row with pain now at 3 or less and morning stiffness of 30 minutes or less.", decision.Reason);
    }

    [Theory]
    [InlineData(30, PhaseMove.Advance)]
    [InlineData(31, PhaseMove.Stay)]
    [InlineData(0, PhaseMove.Advance)]
    public void Phase_SettleStiffness30MinutesMoves31Stays(int stiffness, PhaseMove expected)
    {
        var decision = PhaseMoves.Decide(new ProgramState(Phase.Settle, Day(0)), Evidence("1 1 1", stiffness), Day(2));

        Assert.Equal(expected, decision.Move);
    }

    [Fact]
    public void Phase_SettleDaysBeforeTheCountStart_DoNotCount()
    {
        var decision = Decide(Phase.Settle, "1 1 1", countsFromDay: 1);

        Assert.Equal(PhaseMove.Stay, decision.Move);
        Assert.Contains("2 of 3", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_NoCheckInToday_Stays()
    {
        var decision = PhaseMoves.Decide(new ProgramState(Phase.Settle, Day(0)), Evidence("1 1 1"), Day(3));

        Assert.Equal(PhaseMove.Stay, decision.Move);
        Assert.StartsWith("No check-in today", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_CheckInsAfterToday_AreIgnored()
    {
        var decision = PhaseMoves.Decide(new ProgramState(Phase.Settle, Day(0)), Evidence("1 1 1 1"), Day(1));

        Assert.Equal(PhaseMove.Stay, decision.Move);
    }

    [Fact]
    public void CheckIns_TwoOnOneDate_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new PhaseEvidence { CheckIns = [new(Day(0), 1, 0, 1), new(Day(0), 2, 0, 2)] });

    [Theory]
    [InlineData(11, 0, 1)]
    [InlineData(1, -1, 1)]
    [InlineData(1, 0, -1)]
    [InlineData(1, 1441, 1)]
    public void CheckIn_OutOfRange_IsRejected(int painMorning, int stiffness, int painNow) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CheckIn(Day(0), painMorning, stiffness, painNow));
}
