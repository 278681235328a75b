using System.Globalization;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Caseload;

/// <summary>
/// The alerts of one patient on the caseload (SPEC F13): warning sign &gt; pain now ≥ 7 &gt; flare (§4) &gt; a
/// stop in the last 7 days &gt; no check-in yesterday or today. At most one alert per kind, in that order,
/// each with a plain reason for the clinician (words from <see cref="AlertWords"/>) and the key of the evidence behind it.
/// </summary>
/// <remarks>
/// Readings where the spec is silent (also in the issue-6 report):
/// <list type="bullet">
/// <item>"Last 7 days" is today and the 6 days before, in the patient's zone — the window of §4's "second stop
/// within 7 days" (<see cref="Flare.StopWindowDays"/>).</item>
/// <item>Pain now ≥ 7 and a new warning sign are judged on the latest check-in only, however old: a patient
/// who stopped checking in after a bad day keeps the alert (and gets the missed check-in one too).</item>
/// <item>No check-in is expected before the program's first day, nor while a holiday or illness pause (F8)
/// covers today or yesterday.</item>
/// <item>Evidence keys: a check-in's date and the instant it was last saved (editing it is something new);
/// the id of the latest stop; the last check-in's date for a missed check-in.</item>
/// </list>
/// </remarks>
public static class CaseloadAlerts
{
    /// <summary>SPEC F13 "a stop in the last 7 days" and "flare (§4)" in the last 7 days: the same 7 as §4's stop window.</summary>
    public const int RecentDays = Flare.StopWindowDays;

    /// <summary>SPEC F13 "pain now ≥ 7": the same threshold that makes a check-in a flare on its own (§4).</summary>
    public const int SeverePain = Flare.SeverePain;

    public static IReadOnlyList<Alert> Compute(PatientFacts facts)
    {
        var checkIns = facts.CheckIns.Where(c => c.Date <= facts.Today).OrderBy(c => c.Date).ToArray();
        var latest = checkIns.LastOrDefault();
        var recentFrom = facts.Today.AddDays(1 - RecentDays);
        var alerts = new List<Alert>(5);

        if (WarningSign(facts, checkIns, latest) is { } sign) alerts.Add(sign);

        // SPEC F13: pain now ≥ 7 in the latest check-in.
        if (latest is { PainNow: >= SeverePain })
            alerts.Add(new(AlertKind.SeverePain, AlertWords.SeverePainReason(latest.PainNow, latest.Date), Key(latest), latest.Date));

        // SPEC F13 "flare (§4)": a check-in the morning review judged a flare, in the last 7 days.
        if (checkIns.LastOrDefault(c => c.Flare && c.Date >= recentFrom) is { } flare)
            alerts.Add(new(AlertKind.Flare, AlertWords.FlareReason(flare.Date, FlareReason(flare, checkIns)), Key(flare), flare.Date));

        // SPEC F13 "a stop in the last 7 days" (F7 "pain went up", §6 stop).
        var stops = facts.Stops.Where(s => s.Date >= recentFrom && s.Date <= facts.Today).OrderBy(s => s.Date).ThenBy(s => s.CustomName is not null).ThenBy(s => s.LogId).ToArray();
        if (stops.Length > 0)
        {
            var last = stops[^1];
            // A custom exercise (issue 15) is named as its clinician wrote it; its log ids are another table's.
            alerts.Add(new(AlertKind.Stop, AlertWords.StoppedReason(last.Exercise, last.CustomName, last.Date, stops.Length, RecentDays),
                (last.CustomName is null ? "stop:" : "stop:custom:") + last.LogId.ToString(CultureInfo.InvariantCulture), last.Date));
        }

        // SPEC F13 "no check-in yesterday or today", in the patient's zone.
        var yesterday = facts.Today.AddDays(-1);
        var expected = !facts.OnPause && facts.ProgramStart is { } start && start <= yesterday;
        if (expected && (latest is null || latest.Date < yesterday))
        {
            alerts.Add(latest is null
                ? new(AlertKind.MissedCheckIn, AlertWords.NoCheckInYetReason(facts.ProgramStart!.Value), "missed:none", facts.ProgramStart!.Value)
                : new(AlertKind.MissedCheckIn, AlertWords.NoCheckInSinceReason(latest.Date), "missed:" + Iso(latest.Date), latest.Date));
        }
        return alerts;
    }

    /// <summary>F3: the latest check-in has a warning sign, or the program is paused for one.</summary>
    private static Alert? WarningSign(PatientFacts facts, CheckInFact[] checkIns, CheckInFact? latest)
    {
        if (latest is { WarningSigns.Count: > 0 })
            return new(AlertKind.WarningSign, AlertWords.WarningSignReportedReason(latest.WarningSigns, latest.Date), Key(latest), latest.Date);
        if (!facts.PausedForWarningSign) return null;
        // Still paused, no new sign since: the alert stays the one of the check-in that paused it (same key, so
        // an acknowledgement holds while nothing new happens).
        if (checkIns.LastOrDefault(c => c.WarningSigns.Count > 0) is { } cause)
            return new(AlertKind.WarningSign, AlertWords.PausedSinceSignReason(cause.WarningSigns, cause.Date), Key(cause), cause.Date);
        var since = facts.StateSince ?? facts.Today;
        return new(AlertKind.WarningSign, AlertWords.PausedSinceReason(since), "paused:" + Iso(since), since);
    }

    /// <summary>Why the check-in was a flare, in SPEC §4's terms, recomputed from the check-ins at hand.</summary>
    private static AlertReason FlareReason(CheckInFact flare, CheckInFact[] checkIns)
    {
        if (flare.PainNow >= Flare.SeverePain) return AlertWords.FlareBySeverePainReason(flare.PainNow);
        var before = checkIns.Where(c => c.Date < flare.Date).TakeLast(Flare.MeanOver).ToArray();
        if (before.Length == Flare.MeanOver)
        {
            var mean = before.Average(c => c.PainNow);
            if (flare.PainNow - mean >= Flare.RiseAboveMean)
                return AlertWords.FlareByRiseReason(flare.PainNow, flare.PainNow - mean, Flare.MeanOver);
        }
        if (flare.StopsForPain > 0) return AlertWords.FlareBySecondStopReason(Flare.StopWindowDays);
        return AlertWords.FlareJudgedReason(flare.PainNow);
    }

    private static string Key(CheckInFact c) => Iso(c.Date) + "@" + c.SavedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"23 Nov" (<see cref="AlertWords.Day"/>).</summary>
    public static string Day(DateOnly d) => AlertWords.Day(d);
}
