using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Reminders;

/// <summary>The calendar feed (F12): anonymous, found by its secret token only; anything unknown is 404.</summary>
internal static class CalendarFeedEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        // Calendar apps cannot sign in: the token in the address is the only key. Every response already carries
        // Cache-Control: no-store (SecurityHeaders), so no shared cache keeps one patient's feed.
        app.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous();
        return app;
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(
        string token, IlioCare.Web.Hosting.PublicAddress address, IlioCareDbContext db, TimeProvider clock,
        Microsoft.Extensions.Localization.IStringLocalizer<CalendarWords> words, CancellationToken ct)
    {
        if (!FeedToken.IsWellFormed(token)) return TypedResults.NotFound();
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.CalendarFeedToken == token, ct);
        // Exact match (SQLite and PostgreSQL compare text case-sensitively here); a reset token is simply gone.
        if (profile is null || profile.CalendarFeedToken != token) return TypedResults.NotFound();
        // Asked at every fetch (SafetyNet through WarningSignPause): a paused program's feed drops its session events.
        var pausedOn = profile.OnboardedAtUtc is not null && await CheckIn.WarningSignPause.FindAsync(db, profile.AccountId, clock, ct) is { }
            ? Today.PatientToday.Date(clock, profile.TimeZoneId) : (DateOnly?)null;
        // The event's link back to the app: App:PublicUrl, never the Host header (issue 13 finding 10).
        // In the account's saved language: a calendar app sends none of its own.
        var language = await db.Users.AsNoTracking().Where(u => u.Id == profile.AccountId).Select(u => u.Language).FirstOrDefaultAsync(ct);
        CalendarText text;
        using (Language.LanguageScope.Use(language)) text = CalendarWords.Of(words);
        return TypedResults.Text(ReminderCalendar.Build(RemindersHandler.ScheduleOf(profile), address.Base, clock.GetUtcNow().UtcDateTime, pausedOn, text), ContentType);
    }
}
