using static IlioCare.Clinical.Tests.Load.Weeks;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>
/// SPEC §7 increasePercent: last week vs the week before in %, rounded to 1 decimal half away from zero;
/// null with fewer than 2 weeks or when the week before had 0 minutes; over-10-percent when the rounded
/// value is &gt; 10.
/// </summary>
public class IncreasePercentTests
{
    [Theory]
    [InlineData(100, 110, "10")]
    [InlineData(100, 100, "0")]
    [InlineData(100, 0, "-100")]
    [InlineData(3, 4, "33.3")]
    [InlineData(3, 5, "66.7")]
    [InlineData(3, 2, "-33.3")]
    [InlineData(3, 1, "-66.7")]
    [InlineData(1, 10080, "1007900")]
    // exact halves at the second decimal: away from zero, in both directions
    [InlineData(400, 401, "0.3")]
    [InlineData(400, 399, "-0.3")]
    [InlineData(80, 81, "1.3")]
    [InlineData(80, 79, "-1.3")]
    [InlineData(2000, 2001, "0.1")]
    [InlineData(2000, 1999, "-0.1")]
    [InlineData(2000, 2201, "10.1")]
    [InlineData(2000, 2199, "10")]
    [InlineData(40, 39, "-2.5")]
    [InlineData(200, 221, "10.5")]
    public void Evaluate_IncreasePercent_RoundsHalfAwayFromZero(int before, int last, string percent) =>
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), Minutes(before, last).IncreasePercent);

    [Theory]
    [InlineData(200, 220, false)]
    [InlineData(100, 110, false)]
    [InlineData(2000, 2199, false)]
    [InlineData(2000, 2201, true)]
    [InlineData(200, 221, true)]
    [InlineData(100, 111, true)]
    [InlineData(100, 50, false)]
    public void Evaluate_RoundedIncreaseAboveTen_WarnsOver10Percent(int before, int last, bool warns) =>
        Assert.Equal(warns, Minutes(before, last).WarningCodes().Contains("over-10-percent"));

    [Fact]
    public void Evaluate_OneWeek_HasNoIncreasePercent() => Assert.Null(Minutes(100).IncreasePercent);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 100)]
    public void Evaluate_WeekBeforeHadZeroMinutes_HasNoIncreasePercentAndNoWarning(int before, int last)
    {
        var report = Minutes(before, last);

        Assert.Null(report.IncreasePercent);
        Assert.DoesNotContain("over-10-percent", report.WarningCodes());
    }

    [Fact]
    public void Evaluate_IncreasePercent_ComparesOnlyTheLastTwoWeeks() =>
        Assert.Equal(-50m, Minutes(0, 1000, 10, 200, 100).IncreasePercent);

    [Fact]
    public void Evaluate_IncreasePercent_UsesMinutesNotCaps()
    {
        // pre 200 → cap₁ 100; both weeks run past their caps; the percentage is of the minutes.
        var report = Evaluate(200, "300,600");

        Assert.Equal(100m, report.IncreasePercent);
        Assert.Equal(121, report.NextWeekCap);
    }
}
