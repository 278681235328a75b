using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Progression.Sessions;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>SPEC §6 ladder: 2×15 → 2×20 → 3×15 → 3×20 → next resistance at 2×15 …; floor 2×15 none, top 3×20 heavy.</summary>
public class LadderTests
{
    /// <summary>Every pair of neighbouring steps (15 rows covering all 16 steps).</summary>
    public static TheoryData<string, string> Neighbours()
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i + 1 < LadderSteps.Length; i++) data.Add(LadderSteps[i], LadderSteps[i + 1]);
        return data;
    }

    [Fact]
    public void Ladder_HasTheSixteenSpecStepsInOrder()
    {
        Assert.Equal(LadderSteps, Ladder.Steps.Select(Text));
        Assert.Equal("2x15 none", Text(Ladder.Floor));
        Assert.Equal("3x20 heavy", Text(Ladder.Top));
    }

    [Theory]
    [InlineData("2x17 none")]
    [InlineData("1x15 none")]
    [InlineData("4x20 heavy")]
    [InlineData("3x25 light")]
    [InlineData("2x10 medium")]
    public void Ladder_OffLadderDose_IsNotAStep(string dose) => Assert.False(Ladder.IsStep(Dose(dose)));

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Decide_ThreeCalmSessions_ProgressesOneStepUp(string from, string to)
    {
        var decision = Decide(from, Calm(from, 0, 1, 2));

        Assert.Equal("progress", decision.Action());
        Assert.Equal(to, decision.NextText());
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Decide_Stop_StepsOneDown(string below, string current)
    {
        var decision = Decide(current, At(0, current, stopped: true));

        Assert.Equal("stop", decision.Action());
        Assert.Equal(below, decision.NextText());
    }

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Decide_Regress_StepsOneDown(string below, string current)
    {
        var decision = Decide(current, At(0, current, morning: 2, next: 3));

        Assert.Equal("regress", decision.Action());
        Assert.Equal(below, decision.NextText());
    }

    [Theory]
    [InlineData(true, 2, "stop")]
    [InlineData(false, 3, "regress")]
    public void Decide_StopOrRegressAtTheFloor_KeepsActionAndFloorDose(bool stopped, int next, string action)
    {
        var decision = Decide("2x15 none", At(0, "2x15 none", stopped: stopped, next: next));

        Assert.Equal(action, decision.Action());
        Assert.Equal("2x15 none", decision.NextText());
    }

    [Fact]
    public void Decide_StrictPainRiseAtTheFloor_IsStopAtTheFloor()
    {
        var decision = Decide("2x15 none", At(0, "2x15 none", before: 1, during: 2));

        Assert.Equal("stop", decision.Action());
        Assert.Equal("2x15 none", decision.NextText());
    }

    [Fact]
    public void Decide_WouldBeProgressAtTheTop_IsHoldAtTheTop()
    {
        var decision = Decide("3x20 heavy", Calm("3x20 heavy", 0, 1, 2));

        Assert.Equal("hold", decision.Action());
        Assert.Equal("3x20 heavy", decision.NextText());
    }

    [Fact]
    public void Decide_StopAtTheTop_StepsDownToTheStepBelow() =>
        Assert.Equal("3x15 heavy", Decide("3x20 heavy", At(0, "3x20 heavy", stopped: true)).NextText());

    [Fact]
    public void Decide_StepsAreCountedFromCurrent_NotFromTheSessionDose()
    {
        // The latest session was done off the ladder; the step down is from the current dose.
        var decision = Decide("3x15 light", At(0, "2x17 none", stopped: true));

        Assert.Equal("stop", decision.Action());
        Assert.Equal("2x20 light", decision.NextText());
    }
}
