using static IlioCare.Clinical.Tests.Load.Weeks;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>
/// SPEC §7 acwr: needs ≥ 4 weeks; last week ÷ mean of the last 4 (the last included), rounded to 2
/// decimals half away from zero, null when the mean is 0; zone from the rounded value:
/// "low" &lt; 0.8 ≤ "sweet-spot" ≤ 1.3 &lt; "caution" ≤ 1.5 &lt; "high-risk"; high-acwr when above 1.5.
/// </summary>
public class AcwrTests
{
    [Theory]
    // total 400 → ratio = last / 100
    [InlineData(107, 107, 107, 79, "0.79", "low")]
    [InlineData(107, 107, 106, 80, "0.8", "sweet-spot")]
    [InlineData(90, 90, 90, 130, "1.3", "sweet-spot")]
    [InlineData(90, 90, 89, 131, "1.31", "caution")]
    [InlineData(84, 83, 83, 150, "1.5", "caution")]
    [InlineData(83, 83, 83, 151, "1.51", "high-risk")]
    // total 800 → exact halves at the third decimal, rounded away from zero across a zone bound
    [InlineData(214, 214, 215, 157, "0.79", "low")]       // 0.785
    [InlineData(214, 214, 213, 159, "0.8", "sweet-spot")] // 0.795
    [InlineData(180, 180, 179, 261, "1.31", "caution")]   // 1.305
    [InlineData(167, 166, 166, 301, "1.51", "high-risk")] // 1.505
    [InlineData(100, 100, 100, 100, "1", "sweet-spot")]
    [InlineData(100, 100, 100, 0, "0", "low")]
    [InlineData(0, 0, 0, 1, "4", "high-risk")]
    [InlineData(1, 1, 1, 0, "0", "low")]
    [InlineData(3, 3, 3, 1, "0.4", "low")]            // 4/10
    [InlineData(1, 1, 0, 1, "1.33", "caution")]       // 4/3 = 1.333…
    [InlineData(0, 1, 1, 1, "1.33", "caution")]
    [InlineData(1, 0, 0, 1, "2", "high-risk")]
    [InlineData(2, 2, 2, 3, "1.33", "caution")]       // 12/9
    [InlineData(5, 5, 5, 6, "1.14", "sweet-spot")]    // 24/21 = 1.142…
    [InlineData(4, 4, 3, 2, "0.62", "low")]           // 8/13 = 0.615…
    public void Evaluate_Acwr_RoundsToTwoDecimalsAndZonesFromTheRoundedValue(int w1, int w2, int w3, int last, string acwr, string zone)
    {
        var report = Minutes(w1, w2, w3, last);

        Assert.Equal(decimal.Parse(acwr, System.Globalization.CultureInfo.InvariantCulture), report.Acwr);
        Assert.Equal(zone, Wire.Of(report.Zone));
        Assert.Equal(zone == "high-risk", report.WarningCodes().Contains("high-acwr"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("100")]
    [InlineData("100,100")]
    [InlineData("100,100,100")]
    public void Evaluate_FewerThanFourWeeks_HasNoAcwrOrZone(string weeks)
    {
        var report = Evaluate(10080, weeks);

        Assert.Null(report.Acwr);
        Assert.Null(report.Zone);
        Assert.DoesNotContain("high-acwr", report.WarningCodes());
    }

    [Theory]
    [InlineData("0,0,0,0")]
    [InlineData("500,0,0,0,0")]
    public void Evaluate_MeanOfLastFourWeeksIsZero_HasNoAcwrOrZone(string weeks)
    {
        var report = Evaluate(10080, weeks);

        Assert.Null(report.Acwr);
        Assert.Null(report.Zone);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Evaluate_Acwr_UsesOnlyTheLastFourWeeks()
    {
        // 1000 five weeks ago is outside the window: 151 / ((83+83+83+151)/4) = 1.51.
        var report = Minutes(1000, 83, 83, 83, 151);

        Assert.Equal(1.51m, report.Acwr);
        Assert.Equal("high-risk", Wire.Of(report.Zone));
    }

    [Fact]
    public void Evaluate_Acwr_NeverMovesTheCap()
    {
        var calm = Evaluate(200, "100,110,121,133");
        var spiky = Evaluate(200, "100,110,121,5000");

        Assert.Equal(calm.NextWeekCap, spiky.NextWeekCap);
        Assert.Equal("high-risk", Wire.Of(spiky.Zone));
    }
}
