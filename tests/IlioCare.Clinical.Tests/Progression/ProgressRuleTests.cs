using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Progression.Sessions;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>
/// SPEC §6 progress: "the last 3 sessions are at the current dose, completed, none fits stop or regress,
/// every painNextMorning is known, and they span at most 7 days (first date ≥ last date − 6)"; else hold.
/// </summary>
public class ProgressRuleTests
{
    private const string Current = "2x20 medium";
    private const string Up = "3x15 medium";

    private static void AssertHold(ProgressionDecision decision)
    {
        Assert.Equal("hold", decision.Action());
        Assert.Equal(Current, decision.NextText());
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [InlineData(0, 1, 2, "progress")]
    [InlineData(0, 3, 6, "progress")]
    [InlineData(0, 5, 6, "progress")]
    [InlineData(0, 1, 7, "hold")]
    [InlineData(0, 6, 7, "hold")]
    [InlineData(0, 10, 20, "hold")]
    public void Decide_LastThreeSessionsSpanAtMostSevenDays_Progresses(int first, int second, int third, string action)
    {
        var decision = Decide(Current, Calm(Current, first, second, third));

        Assert.Equal(action, decision.Action());
        Assert.Equal(action == "progress" ? Up : Current, decision.NextText());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Decide_FewerThanThreeSessions_Holds(int count) =>
        AssertHold(Decide(Current, Calm(Current, Enumerable.Range(0, count).ToArray())));

    [Fact]
    public void Decide_OlderSessionsOutsideTheLastThree_DoNotCount()
    {
        // A stop, an off-ladder session and a painful morning long before the last three do not block.
        var decision = Decide(Current,
            At(0, Current, stopped: true), At(1, "2x17 none"), At(2, Current, morning: 0, next: 5), At(20, Current), At(21, Current), At(22, Current));

        Assert.Equal("progress", decision.Action());
        Assert.Equal(Up, decision.NextText());
    }

    [Theory]
    [InlineData(0, "2x17 medium")]
    [InlineData(1, "2x17 medium")]
    [InlineData(0, "2x15 medium")]
    [InlineData(1, "3x15 medium")]
    [InlineData(0, "2x20 light")]
    public void Decide_ASessionAmongTheLastThreeNotAtTheCurrentDose_Holds(int index, string otherDose)
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[index] = At(index, otherDose);

        AssertHold(Decide(Current, sessions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Decide_ASessionAmongTheLastThreeNotCompleted_Holds(int index)
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[index] = At(index, Current, completed: false);

        AssertHold(Decide(Current, sessions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Decide_NextMorningPainUnknownAmongTheLastThree_Holds(int index)
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[index] = At(index, Current, next: null);

        AssertHold(Decide(Current, sessions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Decide_AnEarlierOfTheLastThreeFitsStop_Holds(int index)
    {
        var stopped = Calm(Current, 0, 1, 2);
        stopped[index] = At(index, Current, stopped: true);
        var rose = Calm(Current, 0, 1, 2);
        rose[index] = At(index, Current, before: 1, during: 2);

        AssertHold(Decide(Current, stopped));
        AssertHold(Decide(Current, rose));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Decide_AnEarlierOfTheLastThreeFitsRegress_Holds(int index)
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[index] = At(index, Current, morning: 2, next: 3);

        AssertHold(Decide(Current, sessions));
    }

    [Theory]
    [InlineData("strict", "hold")]
    [InlineData("monitoring", "progress")]
    public void Decide_PainDuringUpToFiveInAnEarlierSession_BlocksOnlyUnderStrict(string rule, string action)
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[1] = At(1, Current, before: 0, during: 5);

        Assert.Equal(action, Decide(Wire.Parse<PainRule>(rule), Current, sessions).Action());
    }

    [Fact]
    public void Decide_MonitoringPainAboveFiveInAnEarlierSession_Holds()
    {
        var sessions = Calm(Current, 0, 1, 2);
        sessions[0] = At(0, Current, before: 6, during: 6);

        AssertHold(Decide(PainRule.Monitoring, Current, sessions));
    }

    [Fact]
    public void Decide_PainSettledBelowTheMorning_StillProgresses()
    {
        var decision = Decide(Current, At(0, Current, morning: 4, next: 3), At(1, Current, morning: 3, next: 0), At(2, Current, morning: 0, next: 0));

        Assert.Equal("progress", decision.Action());
    }
}
