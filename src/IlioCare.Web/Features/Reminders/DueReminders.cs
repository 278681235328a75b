using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Reminders.Push;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Reminders;

/// <summary>One message the scheduler owes someone: the row it claims in <c>ReminderDeliveries</c> and where a tap leads.</summary>
/// <param name="Path">The page the message opens, from the site root.</param>
internal sealed record DueReminder(string AccountId, string Kind, DateOnly LocalDate, string Subject, string Path);

/// <summary>
/// Which reminders and alerts are due at an instant (issue 14). A patient's reminders are at their own local time
/// (their zone and session time, the same settings as the calendar feed), so a daylight-saving change moves the
/// instant, not the local time; one per local day whatever the clock does (the delivery table is unique per day).
/// </summary>
internal static class DueReminders
{
    /// <summary>The nudge about yesterday's missing check-in comes mid-morning, when a check-in is usually done (our choice).</summary>
    public static readonly TimeOnly NudgeTime = new(10, 0);

    /// <summary>
    /// How late a reminder may still go (an instance down at the session time, a March change that skips the hour):
    /// after this the moment has passed and nothing is sent. Ends at local midnight at the latest.
    /// </summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(2);

    /// <summary>A check-in edited within this long is looked at for a new warning sign.</summary>
    public static readonly TimeSpan AlertLookBack = TimeSpan.FromHours(24);

    public static bool InWindow(TimeOnly now, TimeOnly at) => now >= at && now - at < CatchUp;

    /// <summary>
    /// Patients' reminders due now: only patients who can receive one (a push device, or e-mail reminders on), only days of
    /// their program, never while a warning sign or a holiday/illness pause holds the program (H203, F3), never twice.
    /// </summary>
    public static async Task<List<DueReminder>> PatientRemindersAsync(IlioCareDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var patients = await db.PatientProfiles.AsNoTracking()
            .Where(p => p.OnboardedAtUtc != null && (db.PushSubscriptions.Any(s => s.AccountId == p.AccountId)
                || db.NotificationPreferences.Any(n => n.AccountId == p.AccountId && n.EmailReminders)))
            .Select(p => new { p.AccountId, p.TimeZoneId, p.DailySessionTime }).ToListAsync(ct);
        var candidates = new List<DueReminder>();
        foreach (var p in patients)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZoneId, out var zone)) continue;
            var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
            var (date, time) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            if (InWindow(time, p.DailySessionTime)) candidates.Add(new(p.AccountId, ReminderKind.SessionReminder, date, "", "/today"));
            if (InWindow(time, NudgeTime)) candidates.Add(new(p.AccountId, ReminderKind.CheckInNudge, date, "", "/check-in"));
        }
        if (candidates.Count == 0) return candidates;
        var done = await AlreadyClaimedAsync(db, candidates, ct);
        var due = new List<DueReminder>();
        foreach (var c in candidates.Where(c => !done.Contains((c.AccountId, c.Kind, c.LocalDate, c.Subject))))
        {
            var history = await PatientHistory.LoadSinceAsync(db, c.AccountId, _ => c.LocalDate.AddDays(-1), ct);
            if (history is not null && Wanted(history, c)) due.Add(c);
        }
        return due;
    }

    private static bool Wanted(PatientHistory history, DueReminder c)
    {
        var today = c.LocalDate;
        // The safety net first (F3, H203): no "do your session" and no nudge while a warning sign holds the program.
        if (history.PausedForWarningSign(today) || history.Paused(today)) return false;
        var setUp = RemindersHandler.ScheduleOf(history.Profile).FirstDay;
        if (today < setUp) return false;
        if (c.Kind == ReminderKind.SessionReminder) return true;
        // The nudge: yesterday was a program day without a check-in, and today's is not done yet.
        var yesterday = today.AddDays(-1);
        return yesterday >= setUp && !history.Paused(yesterday) && history.CheckInOn(yesterday) is null && history.CheckInOn(today) is null;
    }

    /// <summary>
    /// Warning-sign alerts due now (issue 15): for each check-in edited lately that holds a sign no resume has covered, one
    /// message to each linked clinician who asked for alerts — once per patient and day, however many signs are added.
    /// </summary>
    public static async Task<List<DueReminder>> ClinicianAlertsAsync(IlioCareDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var since = nowUtc - AlertLookBack;
        var recent = await db.CheckIns.AsNoTracking().Where(c => c.UpdatedAtUtc >= since)
            .Select(c => new { c.AccountId, c.Date, c.WarningSigns, c.WarningSignsChecked }).ToListAsync(ct);
        var signs = recent.Where(c => c.WarningSigns.Except(c.WarningSignsChecked).Any()).ToList();
        if (signs.Count == 0) return [];
        var patientIds = signs.Select(s => s.AccountId).Distinct().ToList();
        var links = await db.CareLinks.AsNoTracking()
            .Where(l => l.EndedAtUtc == null && patientIds.Contains(l.PatientId)
                && db.NotificationPreferences.Any(n => n.AccountId == l.ClinicianId && (n.WarningSignAlertEmails || n.WarningSignAlertPush)))
            .Select(l => new { l.PatientId, l.ClinicianId }).ToListAsync(ct);
        var candidates = (from s in signs
                          join l in links on s.AccountId equals l.PatientId
                          select new DueReminder(l.ClinicianId, ReminderKind.WarningSignAlert, s.Date, Pseudonym(s.AccountId),
                              $"/clinician/patients/{s.AccountId}")).ToList();
        if (candidates.Count == 0) return candidates;
        var done = await AlreadyClaimedAsync(db, candidates, ct);
        return [.. candidates.Where(c => !done.Contains((c.AccountId, c.Kind, c.LocalDate, c.Subject)))];
    }

    /// <summary>The patient an alert is about, as the delivery row names them: a hash, not their id (nothing left after they delete their account).</summary>
    public static string Pseudonym(string patientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("iliocare-alert:" + patientId)))[..32];

    /// <summary>Sent, or being sent under a lease that still holds.</summary>
    private static async Task<HashSet<(string, string, DateOnly, string)>> AlreadyClaimedAsync(IlioCareDbContext db, List<DueReminder> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.AccountId).Distinct().ToList();
        var from = candidates.Min(c => c.LocalDate);
        var rows = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.AccountId) && d.LocalDate >= from)
            .Select(d => new { d.AccountId, d.Kind, d.LocalDate, d.Subject, d.SentAtUtc }).ToListAsync(ct);
        // A row still unsent is left to the claim, which takes it only when its lease has run out.
        return [.. rows.Where(r => r.SentAtUtc != null).Select(r => (r.AccountId, r.Kind, r.LocalDate, r.Subject))];
    }
}
