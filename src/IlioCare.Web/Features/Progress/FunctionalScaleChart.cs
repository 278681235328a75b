using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>The functional scale over the weeks (F11): one line per named activity, and the average in the summary.</summary>
internal static class FunctionalScaleChart
{
    private static readonly Marker[] Markers = [Marker.Circle, Marker.Square, Marker.Triangle];

    public static LineChartData Build(IReadOnlyList<FunctionalScaleActivity> activities, IReadOnlyList<FunctionalScaleRating> ratings, DateOnly thisWeek)
    {
        var weeks = new List<DateOnly>();
        if (ratings.Count > 0)
            for (var w = ratings.Min(r => r.WeekStart); w <= thisWeek; w = w.AddDays(7)) weeks.Add(w);
        int? Score(DateOnly week, int position) => ratings.FirstOrDefault(r => r.WeekStart == week && r.Position == position)?.Score;

        var averages = weeks.Where(w => ratings.Any(r => r.WeekStart == w))
            .Select(w => (w, ratings.Where(r => r.WeekStart == w).Average(r => (decimal)r.Score))).ToArray();
        string summary;
        if (averages.Length == 0) summary = "No ratings yet: rate your three activities below, then once every week.";
        else if (averages.Length == 1) summary = $"Your first ratings, in the week of {Short(averages[0].w)}: an average of {Number(averages[0].Item2, 1)} out of 10.";
        else
        {
            var (first, last) = (Number(averages[0].Item2, 1), Number(averages[^1].Item2, 1));
            var change = averages[^1].Item2.CompareTo(averages[0].Item2) switch
            {
                > 0 => $"rose from {first} to {last}", < 0 => $"fell from {first} to {last}", _ => $"stayed at {first}",
            };
            summary = $"Your average score {change} out of 10 over {Duration(averages[^1].w.DayNumber - averages[0].w.DayNumber)} (10 = as before the injury).";
        }

        return new(
            weeks.Select(Short).ToArray(),
            activities.OrderBy(a => a.Position).Select((a, i) => new LineSeries(a.Name,
                weeks.Select(w => (double?)Score(w, a.Position)).ToArray(), Markers[i % Markers.Length], Dashed: i == 1, Style: i + 1)).ToArray(),
            summary,
            new ChartTable("Weekly scores, 0 (unable) to 10 (as before the injury)", ["Week of", .. activities.OrderBy(a => a.Position).Select(a => a.Name)],
                weeks.Where(w => ratings.Any(r => r.WeekStart == w)).Select(w => (IReadOnlyList<string>)
                    [Long(w), .. activities.OrderBy(a => a.Position).Select(a => Score(w, a.Position) is { } s ? $"{s}" : "–")]).ToArray()));
    }
}
