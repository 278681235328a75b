using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Tests.Program;

public sealed class SportAllowanceTests
{
    [Theory]
    [InlineData(Phase.Settle, null, 90, 0, false, "Sport cap 0")]
    [InlineData(Phase.Settle, 40, 90, 0, false, "Sport cap 0")]
    [InlineData(Phase.Restore, null, 90, 0, false, "No sport yet")]
    [InlineData(Phase.Restore, 40, 90, 40, false, "held at 40 minutes")]
    [InlineData(Phase.Return, null, 90, 90, true, "cap: 90 minutes")]
    [InlineData(Phase.Prevent, null, 120, 120, true, "cap: 120 minutes")]
    public void For_FollowsThePhase(Phase phase, int? flareCap, int weeklyCap, int cap, bool graded, string words)
    {
        var allowance = SportAllowance.For(phase, flareCap, weeklyCap);
        Assert.Equal(cap, allowance.CapMinutes);
        Assert.Equal(graded, allowance.Graded);
        Assert.Contains(words, allowance.Text, StringComparison.Ordinal);
    }
}

public sealed class CheckInTriageTests
{
    [Theory]
    [InlineData(TriageLevel.Urgent, 30, Side.Left, WarningSign.Fever)]
    [InlineData(TriageLevel.Urgent, 30, Side.Left, WarningSign.FallOrTrauma)]
    [InlineData(TriageLevel.Emergency, 30, Side.Left, WarningSign.SaddleNumbness)]
    [InlineData(TriageLevel.Emergency, 30, Side.Left, WarningSign.BladderOrBowelChange)]
    [InlineData(TriageLevel.Emergency, 30, Side.Left, WarningSign.Fever, WarningSign.RedWarmSkin)]
    [InlineData(TriageLevel.Emergency, 30, Side.Both, WarningSign.NumbnessOrWeakness)]
    [InlineData(TriageLevel.Emergency, 70, Side.Left, WarningSign.FallOrTrauma)]
    [InlineData(TriageLevel.Emergency, 30, Side.Right, WarningSign.CannotBearWeight, WarningSign.FallOrTrauma)]
    public void Judge_UsesTheAssessmentRules(TriageLevel level, int age, Side side, params WarningSign[] signs) =>
        Assert.Equal(level, CheckInTriage.Judge(signs, age, side).Triage);

    [Fact]
    public void Judge_EverySignAskedAtCheckIn_IsAtLeastUrgent() =>
        Assert.All(WarningSigns.AskedAtCheckIn, s => Assert.True(CheckInTriage.Judge([s], 30, Side.Left).Triage >= TriageLevel.Urgent));
}
