using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>Pain (morning and now) and morning stiffness per day, straight from the check-ins (F8, F11).</summary>
internal static class DailyCharts
{
    public static LineChartData Pain(IStringLocalizer<ProgressText> L, IReadOnlyList<DateOnly> days, IReadOnlyDictionary<DateOnly, CheckInRecord> checkIns)
    {
        var known = days.Where(checkIns.ContainsKey).Select(d => checkIns[d]).ToArray();
        var now = Trend(L, L["Pain now"], known.Select(c => (c.Date, c.PainNow)).ToArray());
        var morning = Trend(L, L["Morning pain"].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture), known.Select(c => (c.Date, c.PainMorning)).ToArray());
        var summary = now.Known
            ? L["{0}, and {1} (averages of the first and the last days).", now.Text, morning.Text].Value
            : $"{now.Text}.";
        return new(
            days.Select(Short).ToArray(),
            [
                new LineSeries(L["Pain now"], days.Select(d => Value(checkIns, d, c => c.PainNow)).ToArray(), Marker.Circle, Dashed: false, Style: 1),
                new LineSeries(L["Morning pain"], days.Select(d => Value(checkIns, d, c => c.PainMorning)).ToArray(), Marker.Square, Dashed: true, Style: 2),
            ],
            summary,
            new ChartTable(L["Pain each day, 0 (none) to 10 (worst)"], [L["Day"], L["Pain now"], L["Morning pain"]],
                known.Select(c => (IReadOnlyList<string>)[Long(c.Date), $"{c.PainNow}", $"{c.PainMorning}"]).ToArray()));
    }

    public static LineChartData Stiffness(IStringLocalizer<ProgressText> L, IReadOnlyList<DateOnly> days, IReadOnlyDictionary<DateOnly, CheckInRecord> checkIns)
    {
        var known = days.Where(checkIns.ContainsKey).Select(d => checkIns[d]).ToArray();
        var trend = Trend(L, L["Morning stiffness"], known.Select(c => (c.Date, c.StiffnessMinutes)).ToArray(), L[" minutes"]);
        return new(
            days.Select(Short).ToArray(),
            [new LineSeries(L["Morning stiffness"], days.Select(d => Value(checkIns, d, c => c.StiffnessMinutes)).ToArray(), Marker.Diamond, Dashed: false, Style: 3)],
            trend.Known ? L["{0} (averages of the first and the last days).", trend.Text] : $"{trend.Text}.",
            new ChartTable(L["Minutes of morning stiffness each day"], [L["Day"], L["Minutes"]],
                known.Select(c => (IReadOnlyList<string>)[Long(c.Date), $"{c.StiffnessMinutes}"]).ToArray()));
    }

    /// <summary>The stiffness axis: at least an hour, else the largest value rounded up to a quarter of an hour.</summary>
    public static int StiffnessAxisMax(IReadOnlyDictionary<DateOnly, CheckInRecord> checkIns, IReadOnlyList<DateOnly> days) =>
        Math.Max(60, (days.Select(d => checkIns.TryGetValue(d, out var c) ? c.StiffnessMinutes : 0).DefaultIfEmpty(0).Max() + 14) / 15 * 15);

    /// <summary>Settle → restore needs stiffness of at most this many minutes (SPEC §4): the chart's threshold line.</summary>
    public const int StiffnessLimit = PhaseMoves.SettleStiffnessMinutesAtMost;

    private static double? Value(IReadOnlyDictionary<DateOnly, CheckInRecord> checkIns, DateOnly day, Func<CheckInRecord, int> pick) =>
        checkIns.TryGetValue(day, out var c) ? pick(c) : null;
}
