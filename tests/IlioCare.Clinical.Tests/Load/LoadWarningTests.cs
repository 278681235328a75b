using static IlioCare.Clinical.Tests.Load.Weeks;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>SPEC §7 warnings: over-cap, over-10-percent, high-acwr — in that order, each with words for a person.</summary>
public class LoadWarningTests
{
    [Theory]
    // pre 200 → cap₁ 100
    [InlineData("100", false)]
    [InlineData("101", true)]
    [InlineData("100,110", false)]
    [InlineData("100,111", true)]
    [InlineData("500,100", false)]
    [InlineData("100*,91", true)]
    [InlineData("100*,90", false)]
    public void Evaluate_LastWeekPastItsCap_WarnsOverCap(string weeks, bool warns) =>
        Assert.Equal(warns, Evaluate(200, weeks).WarningCodes().Contains("over-cap"));

    [Fact]
    public void Evaluate_OnlyTheLastWeekCountsForOverCap() =>
        Assert.DoesNotContain("over-cap", Evaluate(200, "500,100").WarningCodes());

    [Theory]
    [InlineData(5, "5", false)]
    [InlineData(5, "6", true)]
    [InlineData(0, "1", true)]
    [InlineData(0, "0", false)]
    public void Evaluate_OverCap_UsesStartCapAsFirstCap(int startCap, string weeks, bool warns) =>
        Assert.Equal(warns, Evaluate(200, weeks, startCap).WarningCodes().Contains("over-cap"));

    [Fact]
    public void Evaluate_EveryWarning_InSpecOrder()
    {
        // caps 100, 110, 121, 11: the last week's 200 minutes pass its cap of 11, rise 1900 % and give an acwr of 1.9.
        var report = Evaluate(200, "100,110,10,200");

        Assert.Equal(["over-cap", "over-10-percent", "high-acwr"], report.WarningCodes());
        Assert.All(report.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Text)));
        Assert.Equal(1900m, report.IncreasePercent);
        Assert.Equal(1.9m, report.Acwr);
        Assert.Equal(12, report.NextWeekCap);
    }

    [Fact]
    public void Evaluate_CalmSteadyWeeks_HaveNoWarnings()
    {
        var report = Evaluate(200, "100,110,121,133");

        Assert.Empty(report.Warnings);
        Assert.Equal(9.9m, report.IncreasePercent);
        Assert.Equal(1.15m, report.Acwr); // 532 / 464 = 1.1465…
        Assert.Equal("sweet-spot", Wire.Of(report.Zone));
    }
}
