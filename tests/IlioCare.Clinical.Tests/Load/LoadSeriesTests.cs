using IlioCare.Clinical.Load;

namespace IlioCare.Clinical.Tests.Load;

public sealed class LoadSeriesTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2026-03-04", "2026-03-02")]
    [InlineData("2026-03-08", "2026-03-02")]
    public void WeekStart_IsTheIsoMonday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            LoadSeries.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Weeks_SumCompletedWeeksFromTheFirstMondayOnOrAfterTheStart_AndMarkFlares()
    {
        // Return counted from a Wednesday: that week is left out, the next two are complete, the third is not.
        var from = Monday.AddDays(2);
        var days = new[]
        {
            new SportDay(Monday.AddDays(3), 99, false),   // before the first full week: not counted
            new SportDay(Monday.AddDays(7), 20, false),
            new SportDay(Monday.AddDays(9), 15, false),
            new SportDay(Monday.AddDays(15), 30, true),
            new SportDay(Monday.AddDays(21), 40, false),  // this week is not over
        };
        var weeks = LoadSeries.Weeks(from, Monday.AddDays(25), days, _ => false);
        Assert.Equal([new LoadWeek(Monday.AddDays(7), 35, false), new LoadWeek(Monday.AddDays(14), 30, true)], weeks);
    }

    [Fact]
    public void Weeks_LeaveAPausedWeekOut_AndStayConsecutive()
    {
        var days = Enumerable.Range(0, 21).Select(i => new SportDay(Monday.AddDays(i), 10, false)).ToArray();
        var paused = (DateOnly d) => d == Monday.AddDays(9); // one day of the middle week
        var weeks = LoadSeries.Weeks(Monday, Monday.AddDays(21), days, d => paused(d));
        Assert.Equal(2, weeks.Count);
        Assert.Equal(weeks[0].WeekStart.AddDays(7), weeks[1].WeekStart);
        Assert.Equal(Monday.AddDays(14), weeks[1].WeekStart);
        Assert.All(weeks, w => Assert.Equal(70, w.Minutes));
        _ = new LoadInput(180, null, weeks); // §7 accepts it: consecutive, oldest first
    }

    [Theory]
    // pre-injury 180 → cap₁ 90; no weeks before: the flare week's cap is 90.
    [InlineData(180, null, 0, 40, 36)]
    [InlineData(180, null, 0, 200, 81)]   // minutes past the cap do not count
    [InlineData(180, 50, 0, 50, 45)]      // a start cap from an earlier flare
    [InlineData(180, null, 60, 70, 59)]   // after a normal week of 60: cap 66; 70 counts as 66; 90 % of it
    public void FlareCap_Is90PercentOfTheFlareWeekWithinItsCap(int pre, int? startCap, int weekBefore, int flareWeekMinutes, int expected)
    {
        LoadWeek[] before = weekBefore > 0 ? [new LoadWeek(Monday, weekBefore, false)] : [];
        Assert.Equal(expected, LoadSeries.FlareCap(pre, startCap, before, flareWeekMinutes));
    }
}
