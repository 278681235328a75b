using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Web.Components.Charts;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// Weekly sport minutes against the §7 cap (F10, F11). Each completed week's cap is what the check-in page showed
/// that week (<see cref="SportLoad"/> on its Monday: the phase's allowance, the §7 cap in return and prevent); the
/// acute:chronic ratio and the week-on-week increase come from <see cref="LoadGuard"/> on the weeks
/// <see cref="PatientHistory.SportWeeks"/> gives for the current return spell — the same evidence the engine reads.
/// </summary>
internal static class SportChart
{
    public static BarChartData Build(PatientHistory history, DateOnly firstDay, DateOnly today)
    {
        var thisWeek = LoadSeries.WeekStart(today);
        var mondays = new List<DateOnly>();
        for (var monday = LoadSeries.WeekStart(firstDay); monday < thisWeek; monday = monday.AddDays(7)) mondays.Add(monday);

        var weeks = mondays.Select(m => new
        {
            Monday = m,
            Paused = Enumerable.Range(0, 7).Any(i => history.Paused(m.AddDays(i))),
            Minutes = history.SportMinutesBetween(m, m.AddDays(6)),
            Cap = history.StateRecordOn(m) is null ? (int?)null : SportLoad.For(history, m).Allowance.CapMinutes,
        }).ToArray();
        var ratios = Ratios(history, today, weeks.Where(w => !w.Paused).Select(w => w.Monday).ToArray());
        int? TenPercent(int i) => i > 0 && !weeks[i - 1].Paused && weeks[i - 1].Minutes > 0 ? weeks[i - 1].Minutes * 11 / 10 : null;

        var now = SportLoad.For(history, today);
        var report = Report(history, today);
        var summary = weeks.Length == 0
            ? $"No completed week yet; this week's sport cap is {now.Allowance.CapMinutes} minutes."
            : $"In the week of {Short(weeks[^1].Monday)} you did {weeks[^1].Minutes} minutes of sport" +
              (weeks[^1].Cap is { } cap ? $" against a cap of {cap}{(weeks[^1].Minutes > cap ? ", over the cap" : "")}" : "") +
              $"; this week's cap is {now.Allowance.CapMinutes} minutes" +
              (report?.Acwr is { } acwr && report.Zone is { } zone ? $" and your acute:chronic ratio is {acwr} ({ZoneText(zone)})." : ".");

        return new(
            weeks.Select(w => Short(w.Monday)).ToArray(),
            weeks.Select(w => w.Paused ? null : (int?)w.Minutes).ToArray(),
            summary,
            new ChartTable("Sport minutes by week, against the week's cap", ["Week of", "Minutes", "Cap", "10 % more than the week before", "Acute:chronic ratio"],
                weeks.Select((w, i) => (IReadOnlyList<string>)[Long(w.Monday), w.Paused ? "paused (left out)" : $"{w.Minutes}", w.Cap is { } c ? $"{c}" : "–",
                    TenPercent(i) is { } t ? $"{t}" : "–", ratios.TryGetValue(w.Monday, out var r) ? $"{r.Acwr} ({ZoneText(r.Zone)})" : "–"]).ToArray()))
        {
            Caps = weeks.Select(w => w.Cap).ToArray(),
            TenPercent = weeks.Select((_, i) => TenPercent(i)).ToArray(),
            Notes = report?.Warnings.Select(f => f.Text).ToArray() ?? [],
        };
    }

    /// <summary>The load guard's answer for the return spell in force today (null outside return and prevent).</summary>
    private static LoadReport? Report(PatientHistory history, DateOnly today) =>
        history.ReturnSpellStart(today) is { } entry && history.SportWeeks(entry.CountsFrom, today) is { Count: > 0 } weeks
            ? LoadGuard.Evaluate(new LoadInput(history.Profile.PreInjuryWeeklyMinutes, null, weeks)) // the ratio and increase do not read the start cap
            : null;

    /// <summary>
    /// The ratio after each week of the return spell: the load guard on the spell's weeks up to that one. The series
    /// leaves paused weeks out (SPEC §7), so its weeks are matched to the calendar's unpaused weeks from the newest back.
    /// </summary>
    private static Dictionary<DateOnly, (decimal Acwr, AcwrZone Zone)> Ratios(PatientHistory history, DateOnly today, DateOnly[] unpaused)
    {
        var ratios = new Dictionary<DateOnly, (decimal, AcwrZone)>();
        if (history.ReturnSpellStart(today) is not { } entry) return ratios;
        var weeks = history.SportWeeks(entry.CountsFrom, today);
        for (var i = 0; i < weeks.Count && i < unpaused.Length; i++)
        {
            var report = LoadGuard.Evaluate(new LoadInput(history.Profile.PreInjuryWeeklyMinutes, null, weeks.Take(weeks.Count - i).ToArray()));
            if (report is { Acwr: { } acwr, Zone: { } zone }) ratios[unpaused[^(i + 1)]] = (acwr, zone);
        }
        return ratios;
    }

    public static string ZoneText(AcwrZone zone) => zone switch
    {
        AcwrZone.Low => "low: below 0.8",
        AcwrZone.SweetSpot => "the sweet spot, 0.8 to 1.3",
        AcwrZone.Caution => "caution: above 1.3",
        AcwrZone.HighRisk => "high risk: above 1.5",
    };
}
