using IlioCare.Clinical.Load;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
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
    public static HeatMapData Build(IStringLocalizer<ProgressText> L, PatientHistory history, DateOnly firstDay, DateOnly today)
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
        string worse = L["next-morning pain rose on {0} of {1} days", rose, responses.Length];
        var summary = days.Length == 0 ? L["No check-ins in these 8 weeks yet."]
            : afterSport.Length == 0 ? L["No sport in these weeks; pain now averaged {0} and {1}.", Mean(days), worse]
            : L["On the {0} after a day with sport your pain now averaged {1}, on the {2} after a day without it {3}; {4}.",
                Count(L, afterSport), Mean(afterSport), Count(L, afterNone), Mean(afterNone), worse];

        return new(cells, summary, new ChartTable(L["Each day: pain now, the day before's load, and the next morning's response"],
            [L["Day"], L["Pain now"], L["Exercises done the day before"], L["Sport minutes the day before"], L["Next morning"]],
            days.Select(c => (IReadOnlyList<string>)[Long(c.Date), $"{c.PainNow}", $"{c.ExercisesBefore}", c.SportBefore is { } s ? $"{s}" : L["no check-in"], ResponseText(L, c.Response)]).ToArray()));
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

    private static string Count(IStringLocalizer<ProgressText> L, HeatCell[] cells) => cells.Length == 1 ? L["1 day"] : L["{0} days", cells.Length];

    public static string ResponseText(IStringLocalizer<ProgressText> L, int? change) => change switch
    {
        null => L["not known yet"],
        > 0 => L["↑ {0} worse", change],
        < 0 => L["↓ {0} better", -change],
        0 => L["= the same"],
    };
}
