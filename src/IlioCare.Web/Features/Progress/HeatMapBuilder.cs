using IlioCare.Clinical.Load;
using IlioCare.Web.Components.Charts;
using IlioCare.Web.Features.Program;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// The pain–load calendar (F11), "the view that shows a patient what makes it worse": each day's pain now, the
/// load of the day before (exercises logged completed, sport minutes) and the next morning's response (next
/// morning's pain minus this morning's). Whole weeks, Monday first, covering the page's 8 weeks and today.
/// </summary>
internal static class HeatMapBuilder
{
    /// <summary>Whole weeks from the Monday on or before <paramref name="firstDay"/> to today's Sunday; days outside are blank.</summary>
    public static HeatMapData Build(PatientHistory history, DateOnly firstDay, DateOnly today)
    {
        var monday = LoadSeries.WeekStart(firstDay);
        var weeks = (LoadSeries.WeekStart(today).DayNumber - monday.DayNumber) / 7 + 1;
        var cells = Enumerable.Range(0, 7 * weeks).Select(i => monday.AddDays(i))
            .Select(d => d > today || d < firstDay ? null : Cell(history, d)).ToArray();
        var days = cells.OfType<HeatCell>().Where(c => c.PainNow is not null).ToArray();

        var afterSport = days.Where(c => c.SportBefore is > 0).ToArray();
        var afterNone = days.Where(c => c.SportBefore is null or 0).ToArray();
        var responses = days.Where(c => c.Response is not null).ToArray();
        var rose = responses.Count(c => c.Response > 0);
        var worse = $"next-morning pain rose on {rose} of {responses.Length} days";
        var summary = days.Length == 0 ? "No check-ins in these 8 weeks yet."
            : afterSport.Length == 0 ? $"No sport in these weeks; pain now averaged {Mean(days)} and {worse}."
            : $"On the {Count(afterSport)} after a day with sport your pain now averaged {Mean(afterSport)}, " +
              $"on the {Count(afterNone)} after a day without it {Mean(afterNone)}; {worse}.";

        return new(cells, summary, new ChartTable("Each day: pain now, the day before's load, and the next morning's response",
            ["Day", "Pain now", "Exercises done the day before", "Sport minutes the day before", "Next morning"],
            days.Select(c => (IReadOnlyList<string>)[Long(c.Date), $"{c.PainNow}", $"{c.ExercisesBefore}", c.SportBefore is { } s ? $"{s}" : "no check-in", ResponseText(c.Response)]).ToArray()));
    }

    private static HeatCell Cell(PatientHistory history, DateOnly day)
    {
        var checkIn = history.CheckInOn(day);
        var before = day.AddDays(-1);
        var next = history.CheckInOn(day.AddDays(1));
        return new HeatCell(day, checkIn?.PainNow,
            history.Logs.Count(l => l.Date == before && l.Completed),
            history.CheckInOn(before)?.TotalSportMinutes,
            checkIn is not null && next is not null ? next.PainMorning - checkIn.PainMorning : null);
    }

    private static string Mean(HeatCell[] cells) => Number((decimal)cells.Average(c => c.PainNow!.Value), 1);

    private static string Count(HeatCell[] cells) => cells.Length == 1 ? "1 day" : $"{cells.Length} days";

    public static string ResponseText(int? change) => change switch
    {
        null => "not known yet",
        > 0 => $"↑ {change} worse",
        < 0 => $"↓ {-change} better",
        0 => "= the same",
    };
}
