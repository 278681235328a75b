using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Progression.Sessions;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>
/// SPEC §6 stop ("stoppedForPain, or pain rose during it — strict: painDuring &gt; painBefore; monitoring:
/// painDuring &gt; 5") and regress ("painNextMorning &gt; painMorning"), judged on the latest session.
/// </summary>
public class StopAndRegressTests
{
    private const string Current = "3x15 light";
    private const string Below = "2x20 light";
    private const string Above = "3x20 light";

    [Theory]
    // strict: any rise is a stop; equal or lower is not.
    [InlineData("strict", 2, 3, "stop")]
    [InlineData("strict", 0, 10, "stop")]
    [InlineData("strict", 3, 3, "progress")]
    [InlineData("strict", 5, 4, "progress")]
    [InlineData("strict", 0, 0, "progress")]
    // monitoring: pain during up to 5 is accepted, above 5 is a stop whatever the pain before.
    [InlineData("monitoring", 0, 5, "progress")]
    [InlineData("monitoring", 2, 5, "progress")]
    [InlineData("monitoring", 0, 6, "stop")]
    [InlineData("monitoring", 5, 6, "stop")]
    [InlineData("monitoring", 9, 6, "stop")]
    [InlineData("monitoring", 10, 10, "stop")]
    [InlineData("monitoring", 7, 5, "progress")]
    public void Decide_PainDuringTheLatestSession_StopsOnlyWhenTheActiveRuleSaysPainRose(string rule, int before, int during, string action)
    {
        var sessions = Calm(Current, 0, 1).Append(At(2, Current, before: before, during: during)).ToArray();

        var decision = Decide(Wire.Parse<PainRule>(rule), Current, sessions);

        Assert.Equal(action, decision.Action());
        Assert.Equal(action == "stop" ? Below : Above, decision.NextText());
    }

    [Theory]
    [InlineData("strict")]
    [InlineData("monitoring")]
    public void Decide_StoppedForPain_IsStopUnderEitherRule(string rule)
    {
        var decision = Decide(Wire.Parse<PainRule>(rule), Current, At(0, Current, completed: false, stopped: true, before: 3, during: 0));

        Assert.Equal("stop", decision.Action());
        Assert.Equal(Below, decision.NextText());
    }

    [Fact]
    public void Decide_StoppedForPainEvenWhenMarkedCompleted_IsStop() =>
        Assert.Equal("stop", Decide(Current, At(0, Current, completed: true, stopped: true)).Action());

    [Theory]
    [InlineData(2, 3, "regress")]
    [InlineData(0, 10, "regress")]
    [InlineData(2, 2, "hold")]
    [InlineData(5, 1, "hold")]
    public void Decide_PainNotSettledByNextMorning_Regresses(int morning, int next, string action)
    {
        var decision = Decide(Current, At(0, Current, morning: morning, next: next));

        Assert.Equal(action, decision.Action());
        Assert.Equal(action == "regress" ? Below : Current, decision.NextText());
    }

    [Fact]
    public void Decide_NextMorningUnknown_IsNotRegress()
    {
        var decision = Decide(Current, At(0, Current, morning: 9, next: null));

        Assert.Equal("hold", decision.Action());
        Assert.Equal(Current, decision.NextText());
    }

    [Theory]
    [InlineData(true, 2, 2)]
    [InlineData(false, 1, 4)]
    public void Decide_StopAndRegressBothFit_StopWins(bool stopped, int before, int during)
    {
        var decision = Decide(Current, At(0, Current, stopped: stopped, before: before, during: during, morning: 1, next: 6));

        Assert.Equal("stop", decision.Action());
        Assert.Equal(Below, decision.NextText());
    }

    [Fact]
    public void Decide_StopInAnEarlierSession_IsJudgedOnTheLatestOnly()
    {
        var decision = Decide(Current, At(0, Current, stopped: true), At(1, Current, morning: 3, next: 4), At(2, Current));

        Assert.Equal("hold", decision.Action());
        Assert.Equal(Current, decision.NextText());
    }

    [Fact]
    public void Decide_NoSessions_Holds()
    {
        var decision = Decide(Current);

        Assert.Equal("hold", decision.Action());
        Assert.Equal(Current, decision.NextText());
    }
}
