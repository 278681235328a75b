using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
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
    public static BarChartData Build(IStringLocalizer<ProgressText> L, PatientHistory history, DateOnly firstDay, DateOnly today)
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
        // One sentence per case, so a translation can order its words freely.
        var last = weeks.Length == 0 ? null : weeks[^1];
        string limitNow = report?.Acwr is { } acwr && report.Zone is { } zone
            ? L["this week's limit is {0} minutes, and your load this week compared with the last four is {1} ({2}).", now.Allowance.CapMinutes, Number(acwr, 2), ZoneText(L, zone)]
            : L["this week's limit is {0} minutes.", now.Allowance.CapMinutes];
        var summary = last is null
            ? L["No whole week yet; this week's sport limit is {0} minutes.", now.Allowance.CapMinutes].Value
            : last.Cap is not { } cap
                ? L["In the week of {0} you did {1} minutes of sport; {2}", Short(last.Monday), last.Minutes, limitNow].Value
                : last.Minutes > cap
                    ? L["In the week of {0} you did {1} minutes of sport, over the limit of {2}; {3}", Short(last.Monday), last.Minutes, cap, limitNow].Value
                    : L["In the week of {0} you did {1} minutes of sport, within the limit of {2}; {3}", Short(last.Monday), last.Minutes, cap, limitNow].Value;

        return new(
            weeks.Select(w => Short(w.Monday)).ToArray(),
            weeks.Select(w => w.Paused ? null : (int?)w.Minutes).ToArray(),
            summary,
            new ChartTable(L["Sport minutes by week, against the week's limit"], [L["Week of"], L["Minutes"], L["Limit"], L["10 % more than the week before"], L["This week compared with the last four"]],
                weeks.Select((w, i) => (IReadOnlyList<string>)[Long(w.Monday), w.Paused ? L["paused (left out)"] : $"{w.Minutes}", w.Cap is { } c ? $"{c}" : "–",
                    TenPercent(i) is { } t ? $"{t}" : "–", ratios.TryGetValue(w.Monday, out var r) ? $"{Number(r.Acwr, 2)} ({ZoneText(L, r.Zone)})" : "–"]).ToArray()))
        {
            Caps = weeks.Select(w => w.Cap).ToArray(),
            TenPercent = weeks.Select((_, i) => TenPercent(i)).ToArray(),
            Notes = report?.Warnings.ToArray() ?? [],
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

    public static string ZoneText(IStringLocalizer<ProgressText> L, AcwrZone zone) => zone switch
    {
        AcwrZone.Low => L["low: below {0}", Number(0.8m, 1)],
        AcwrZone.SweetSpot => L["just right: {0} to {1}", Number(0.8m, 1), Number(1.3m, 1)],
        AcwrZone.Caution => L["take care: above {0}", Number(1.3m, 1)],
        AcwrZone.HighRisk => L["too much: above {0}", Number(1.5m, 1)],
    };
}
