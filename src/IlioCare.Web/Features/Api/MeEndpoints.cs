using System.Security.Claims;
using IlioCare.Web.Hosting;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Interop;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Reminders;
using IlioCare.Web.Features.Today;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Api;

/// <summary>
/// The patient's own resources under <c>/api/v1/me</c> (F16), each calling what its page calls: the profile,
/// today (<see cref="TodayPlanner"/> and <see cref="SportLoad"/>), the data export (<see cref="AccountExport"/>, IlioCare.Interop)
/// and the calendar-feed reset (<see cref="RemindersHandler"/>).
/// </summary>
internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Me");
        ApiGroups.V1(app, "Me").MapGet("/me", ProfileAsync);
        me.MapGet("/today", TodayAsync);
        me.MapGet("/export", ExportAsync);
        me.MapPost("/calendar-feed", ResetCalendarFeedAsync);
        return app;
    }

    internal static async Task<IResult> ProfileAsync(ClaimsPrincipal user, IlioCareDbContext db, UserManager<Account> users, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        var account = await users.FindByIdAsync(accountId);
        if (account is null) return TypedResults.NotFound();
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        return TypedResults.Ok(new
        {
            id = account.Id,
            email = account.Email,
            displayName = account.DisplayName,
            name = account.DisplayName, // issue 18: the person's name (displayName stays for older clients)
            dateOfBirth = account.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            emailVerified = account.EmailConfirmed,
            roles = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal),
            profile = profile is null ? null : new
            {
                onboarded = profile.OnboardedAtUtc is not null,
                side = profile.Side is { } side ? WireName.Of(side) : null,
                sports = profile.Sports.Select(s => WireName.Of(s)).Order(StringComparer.Ordinal),
                preInjuryWeeklyMinutes = profile.PreInjuryWeeklyMinutes,
                timeZone = profile.TimeZoneId,
                sessionTime = profile.DailySessionTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                massageCautions = profile.MassageCautions.Select(c => WireName.Of(c)).Order(StringComparer.Ordinal),
                selfMassageAllowed = profile.SelfMassageAllowed,
                painRule = WireName.Of(profile.PainRule),
            },
        });
    }

    /// <summary>What the Today page shows: the status, the phase and why, the session with each dose and its reason, the sport cap.</summary>
    internal static async Task<IResult> TodayAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        var plan = await TodayPlanner.LoadAsync(db, accountId, clock, ct);
        if (plan.Status == TodayStatus.NotOnboarded) return CheckInEndpoints.NotOnboarded();
        // The sport cap reads only states, pauses and sport days (all in full in a window): today's window is enough (issue 7).
        var history = await PatientHistory.LoadSinceAsync(db, accountId, _ => plan.Today, ct);
        var sport = history is null ? null : SportLoad.For(history, plan.Today);
        return TypedResults.Ok(new
        {
            date = plan.Today,
            status = WireName.Of(plan.Status),
            canExercise = plan.CanExercise,
            checkedIn = plan.CheckIn is not null,
            phase = plan.State is { } state ? WireName.Of(state.Phase) : null,
            phaseReason = plan.State?.Reason,
            clinicianNote = plan.State?.Note,
            session = plan.Session is not { } session ? null : new
            {
                reason = session.Reason,
                exercises = session.Items.Select(item => new
                {
                    exercise = WireName.Of(item.Exercise.Id),
                    name = item.Exercise.Name,
                    kind = WireName.Of(item.Exercise.Kind),
                    dose = item.DoseText,
                    sets = item.Strength?.Sets,
                    reps = item.Strength?.Reps,
                    resistance = item.Strength is { } s ? WireName.Of(s.Resistance) : null,
                    count = item.Stretch?.Count,
                    holdSeconds = item.Stretch?.HoldSeconds,
                    reason = item.Reason,
                    logged = plan.Logs.TryGetValue(item.Exercise.Id, out var log) ? new { completed = log.Completed, stoppedForPain = log.StoppedForPain } : null,
                }),
            },
            sport = sport is null ? null : new
            {
                capMinutes = sport.Allowance.CapMinutes,
                graded = sport.Allowance.Graded,
                text = sport.Allowance.Text,
                minutesThisWeek = sport.MinutesThisWeek,
                weekPaused = sport.WeekPaused,
                warnings = sport.Warnings.Select(w => new { code = w.Code, text = w.Text }),
            },
        });
    }

    /// <summary>The same JSON as the page's "Export all my data" download.</summary>
    internal static async Task<IResult> ExportAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct) =>
        await AccountExport.BuildAsync(db, ApiGroups.AccountId(user), clock, ct) is { } export
            ? TypedResults.Text(export.ToJsonString(), "application/json; charset=utf-8")
            : TypedResults.NotFound();

    /// <summary>A new secret feed address; the old one stops working at once (F12).</summary>
    internal static async Task<IResult> ResetCalendarFeedAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, PublicAddress address, CancellationToken ct)
    {
        NoCompression.For(request.HttpContext); // H27: the answer carries the secret feed address
        var accountId = ApiGroups.AccountId(user);
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile?.OnboardedAtUtc is null) return CheckInEndpoints.NotOnboarded();
        await RemindersHandler.ResetTokenAsync(db, accountId, ct);
        var token = await RemindersHandler.EnsureTokenAsync(db, accountId, ct);
        var url = address.To($"calendar/{token}.ics"); // App:PublicUrl, never the Host header (issue 13 finding 10)
        return TypedResults.Ok(new { feedUrl = url.ToString() });
    }
}
