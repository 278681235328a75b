using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>The functional scale over the weeks (F11): one line per named activity, and the average in the summary.</summary>
internal static class FunctionalScaleChart
{
    private static readonly Marker[] Markers = [Marker.Circle, Marker.Square, Marker.Triangle];

    public static LineChartData Build(IStringLocalizer<ProgressText> L, IReadOnlyList<FunctionalScaleActivity> activities, IReadOnlyList<FunctionalScaleRating> ratings, DateOnly thisWeek)
    {
        var weeks = new List<DateOnly>();
        if (ratings.Count > 0)
            for (var w = ratings.Min(r => r.WeekStart); w <= thisWeek; w = w.AddDays(7)) weeks.Add(w);
        int? Score(DateOnly week, int position) => ratings.FirstOrDefault(r => r.WeekStart == week && r.Position == position)?.Score;

        var averages = weeks.Where(w => ratings.Any(r => r.WeekStart == w))
            .Select(w => (w, ratings.Where(r => r.WeekStart == w).Average(r => (decimal)r.Score))).ToArray();
        string summary;
        if (averages.Length == 0) summary = L["No scores yet: score your three activities below, then once every week."];
        else if (averages.Length == 1) summary = L["Your first scores, in the week of {0}: an average of {1} out of 10.", Short(averages[0].w), Number(averages[0].Item2, 1)];
        else
        {
            var (first, last) = (Number(averages[0].Item2, 1), Number(averages[^1].Item2, 1));
            var over = Duration(L, averages[^1].w.DayNumber - averages[0].w.DayNumber);
            var change = averages[^1].Item2.CompareTo(averages[0].Item2) switch
            {
                > 0 => L["Your average score rose from {0} to {1} out of 10 over {2} (10 = as before the injury).", first, last, over],
                < 0 => L["Your average score fell from {0} to {1} out of 10 over {2} (10 = as before the injury).", first, last, over],
                _ => L["Your average score stayed at {0} out of 10 over {2} (10 = as before the injury).", first, last, over],
            };
            summary = change;
        }

        return new(
            weeks.Select(Short).ToArray(),
            activities.OrderBy(a => a.Position).Select((a, i) => new LineSeries(a.Name,
                weeks.Select(w => (double?)Score(w, a.Position)).ToArray(), Markers[i % Markers.Length], Dashed: i == 1, Style: i + 1)).ToArray(),
            summary,
            new ChartTable(L["Weekly scores, 0 (unable) to 10 (as before the injury)"], [L["Week of"], .. activities.OrderBy(a => a.Position).Select(a => a.Name)],
                weeks.Where(w => ratings.Any(r => r.WeekStart == w)).Select(w => (IReadOnlyList<string>)
                    [Long(w), .. activities.OrderBy(a => a.Position).Select(a => Score(w, a.Position) is { } s ? $"{s}" : "–")]).ToArray()));
    }
}
