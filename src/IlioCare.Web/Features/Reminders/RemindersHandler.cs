using System.Globalization;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Reminders;

/// <summary>The reminder settings of the signed-in patient: every query filters by their own account id.</summary>
internal static class RemindersHandler
{
    /// <summary>
    /// The patient's feed token, created on first request. The conditional update makes two first requests at
    /// once agree on one token (the second finds it set) instead of each showing a link the other replaced.
    /// </summary>
    public static async Task<string> EnsureTokenAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var token = FeedToken.New();
        await db.PatientProfiles.Where(p => p.AccountId == accountId && p.CalendarFeedToken == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CalendarFeedToken, token), ct);
        return await db.PatientProfiles.Where(p => p.AccountId == accountId).Select(p => p.CalendarFeedToken!).FirstAsync(ct);
    }

    /// <summary>A new token: the old address stops working at once (404).</summary>
    public static Task ResetTokenAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        db.PatientProfiles.Where(p => p.AccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CalendarFeedToken, FeedToken.New()), ct);

    public static Task SaveSessionTimeAsync(IlioCareDbContext db, string accountId, TimeOnly time, CancellationToken ct) =>
        db.PatientProfiles.Where(p => p.AccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DailySessionTime, time), ct);

    public static ReminderSchedule ScheduleOf(PatientProfile profile)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZoneId);
        var setUp = DateTime.SpecifyKind(profile.OnboardedAtUtc ?? profile.CreatedAtUtc, DateTimeKind.Utc);
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(setUp, zone));
        return new ReminderSchedule(profile.AccountId, profile.TimeZoneId, profile.DailySessionTime, firstDay);
    }
}

/// <summary>The posted session time, as the time input sends it ("18:30").</summary>
public sealed class SessionTimeForm
{
    public string? SessionTime { get; set; }

    public (TimeOnly? Time, string? Error) Check() =>
        TimeOnly.TryParseExact(SessionTime?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time, null)
            : (null, "Enter a time like 18:30 (hours 00 to 23, then minutes).");
}
