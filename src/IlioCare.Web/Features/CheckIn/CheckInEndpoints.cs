using System.Globalization;
using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.Offline;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// <c>/api/v1/me/check-ins</c>: read a range, and write today's (or a late yesterday's) check-in through the same
/// <see cref="MorningReviewHandler"/> as the page (so the engine runs after it, in one transaction).
/// </summary>
internal static class CheckInEndpoints
{
    /// <summary>At most a year per request: a client pages through longer histories.</summary>
    private const int MaxRangeDays = 366;

    public static IEndpointRouteBuilder MapCheckInEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Check-ins");
        me.MapGet("/check-ins", ListAsync);
        me.MapPut("/check-ins/{date}", PutAsync);
        return app;
    }

    internal static async Task<IResult> ListAsync(string? from, string? to, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile?.OnboardedAtUtc is null) return NotOnboarded();
        var today = PatientToday.Date(clock, profile.TimeZoneId);
        var errors = new Dictionary<string, string[]>();
        var first = Date(from, "from", today.AddDays(-27), errors);
        var last = Date(to, "to", today, errors);
        if (errors.Count == 0 && last < first) errors["to"] = [$"must not be before from ({first:yyyy-MM-dd})"];
        if (errors.Count == 0 && last.DayNumber - first.DayNumber >= MaxRangeDays) errors["to"] = [$"the range may span at most {MaxRangeDays} days"];
        if (errors.Count > 0) return JsonBody.Invalid(errors);
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId && c.Date >= first && c.Date <= last).ToListAsync(ct);
        return TypedResults.Ok(new { from = first, to = last, checkIns = rows.OrderBy(c => c.Date).Select(CheckInContract.View) });
    }

    /// <summary>
    /// Today's check-in (F8: editable until the end of its day), or yesterday's sent late while no later check-in
    /// exists (<see cref="LateCheckIn"/>, issue 14); another day is a 409 and nothing is stored. An optional
    /// <c>Idempotency-Key</c> header makes a repeated request a no-op that answers the stored check-in.
    /// </summary>
    internal static async Task<IResult> PutAsync(string date, HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        // The hop-test question of the day sent reviews the day before it; the day is today or yesterday (LateCheckIn).
        var history = await PatientHistory.LoadForReviewAsync(db, accountId, p => PatientToday.Date(clock, p.TimeZoneId).AddDays(-2), ct);
        if (history is null) return NotOnboarded();
        var today = PatientToday.Date(clock, history.Profile.TimeZoneId);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return JsonBody.Invalid("date", $"must be a real date written YYYY-MM-DD, not \"{date}\"");
        var key = request.Headers[RequestKeys.Header].ToString() is { Length: > 0 } k ? k : null;
        if (!RequestKeys.IsValid(key)) return JsonBody.Invalid(RequestKeys.Header, RequestKeys.Invalid);
        if (LateCheckIn.Refusal(day, today, history.CheckIns.Any(c => c.Date > day)) is { } refusal)
            return Refused(refusal);
        // Asked when the day before's review asked for it, and kept once answered that day — as on the page.
        var hopAsked = history.AskHopTest(day) || history.CheckInOn(day)?.HopTestPainFree is not null;
        var body = await JsonBody.ReadAsync(request, o => CheckInContract.Read(o, hopAsked), ct);
        if (body.Value is not { } answers) return body.Problem!;
        if (await MorningReviewHandler.SaveAsync(db, accountId, day, answers, key, clock, ct) == CheckInSave.LaterCheckInExists)
            return Refused(LateCheckIn.Refusal(day, today, laterCheckInExists: true)!);
        var saved = await db.CheckIns.AsNoTracking().SingleAsync(c => c.AccountId == accountId && c.Date == day, ct);
        return TypedResults.Ok(CheckInContract.View(saved));
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This check-in can no longer be saved", detail: detail);

    internal static IResult NotOnboarded() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No program yet",
            detail: "Finish onboarding first (PUT /api/v1/me/onboarding or /onboarding).");

    private static DateOnly Date(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (text is null) return fallback;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = [$"must be a real date written YYYY-MM-DD, not \"{text}\""];
        return fallback;
    }
}
