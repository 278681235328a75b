using IlioCare.Clinical.Load;
using static IlioCare.Clinical.Tests.Load.Weeks;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>
/// SPEC §7 caps: cap₁ = startCap if given, else max(10, floor(0.5 × pre)); base = min(minutes, cap);
/// next = floor(0.9 × base) after a flare week, else max(10, floor(11 × base / 10)).
/// </summary>
public class WeeklyCapTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(15, 10)]
    [InlineData(20, 10)]
    [InlineData(21, 10)]
    [InlineData(22, 11)]
    [InlineData(201, 100)]
    [InlineData(300, 150)]
    [InlineData(10080, 5040)]
    public void Evaluate_NoWeeksNoStartCap_NextCapIsHalfPreInjuryAtLeast10(int pre, int cap)
    {
        var report = Evaluate(pre, "");

        Assert.Equal(cap, report.NextWeekCap);
        Assert.Null(report.IncreasePercent);
        Assert.Null(report.Acwr);
        Assert.Null(report.Zone);
        Assert.Empty(report.Warnings);
    }

    [Theory]
    [InlineData(200, 0, 0)]
    [InlineData(200, 5, 5)]
    [InlineData(200, 250, 250)]
    [InlineData(0, 10080, 10080)]
    public void Evaluate_NoWeeksWithStartCap_NextCapIsStartCap(int pre, int startCap, int cap) =>
        Assert.Equal(cap, Evaluate(pre, "", startCap).NextWeekCap);

    [Theory]
    // pre 200 → cap₁ 100; +10 % a week: 110, 121, 133 (133.1), 146 (146.3)
    [InlineData(200, null, "100", 110)]
    [InlineData(200, null, "100,110", 121)]
    [InlineData(200, null, "100,110,121,133", 146)]
    // flare weeks: floor(0.9 × base)
    [InlineData(200, null, "100,110,121*", 108)]
    [InlineData(200, null, "100*", 90)]
    [InlineData(200, null, "100*,90", 99)]
    // startCap replaces cap₁
    [InlineData(200, 40, "40", 44)]
    [InlineData(200, 40, "100", 44)]
    [InlineData(200, 0, "50", 10)]
    [InlineData(10, 9, "9*", 8)]
    public void Evaluate_CapSequence_FollowsTheTenPercentRule(int pre, int? startCap, string weeks, int nextCap) =>
        Assert.Equal(nextCap, Evaluate(pre, weeks, startCap).NextWeekCap);

    [Fact]
    public void Evaluate_CapsOfEveryWeek_AreReportedForCharts() =>
        Assert.Equal([100, 110, 121, 108, 118], Evaluate(200, "100,110,121*,120").Caps);

    [Theory]
    [InlineData("10*", 9)]
    [InlineData("10*,9*", 8)]
    [InlineData("0*", 0)]
    [InlineData("5*", 4)]
    public void Evaluate_AfterFlareWeek_CapCanFallBelow10(string weeks, int nextCap) =>
        Assert.Equal(nextCap, Evaluate(0, weeks).NextWeekCap);

    [Theory]
    [InlineData("0", 10)]
    [InlineData("5", 10)]
    [InlineData("9", 10)]
    [InlineData("10", 11)]
    [InlineData("10*,9", 10)]
    public void Evaluate_AfterNormalWeek_CapIsAtLeast10(string weeks, int nextCap) =>
        Assert.Equal(nextCap, Evaluate(0, weeks).NextWeekCap);

    [Theory]
    [InlineData(200, "500", 110)]
    [InlineData(200, "500*", 90)]
    [InlineData(200, "100,5000", 121)]
    public void Evaluate_MinutesPastTheCap_DoNotRaiseTheNextCap(int pre, string weeks, int nextCap) =>
        Assert.Equal(nextCap, Evaluate(pre, weeks).NextWeekCap);

    [Theory]
    // floor(11 × base / 10) and floor(9 × base / 10), integers only.
    [InlineData(19, false, 20)]
    [InlineData(29, false, 31)]
    [InlineData(99, false, 108)]
    [InlineData(100, false, 110)]
    [InlineData(109, false, 119)]
    [InlineData(5040, false, 5544)]
    [InlineData(19, true, 17)]
    [InlineData(11, true, 9)]
    [InlineData(99, true, 89)]
    [InlineData(1, true, 0)]
    public void WeeklyCap_Next_UsesIntegerArithmetic(int minutes, bool flare, int nextCap)
    {
        Assert.Equal(nextCap, WeeklyCap.Next(minutes, minutes, flare));
        Assert.Equal(nextCap, Evaluate(0, flare ? $"{minutes}*" : $"{minutes}", startCap: minutes).NextWeekCap);
    }

    [Fact]
    public void WeeklyCap_First_IsHalfPreInjuryAtLeast10()
    {
        Assert.Equal(10, WeeklyCap.First(0));
        Assert.Equal(100, WeeklyCap.First(201));
    }
}
