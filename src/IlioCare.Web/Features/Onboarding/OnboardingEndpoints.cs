using System.Globalization;
using System.Security.Claims;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Safety;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Onboarding;

/// <summary>
/// <c>PUT /api/v1/me/onboarding</c>: the onboarding page's answers as JSON, saved by the same
/// <see cref="OnboardingHandler"/>. <c>massageCautions</c> is required (an empty list is the explicit "none of these",
/// as the page asks each question yes or no, F18).
/// </summary>
internal static class OnboardingEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        ApiGroups.Me(app, "Onboarding").MapPut("/onboarding", PutAsync);
        return app;
    }

    internal static async Task<IResult> PutAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        if (await CheckIn.WarningSignPause.FindAsync(db, accountId, clock, ct) is not null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Paused for a warning sign",
                detail: "The program is paused for a warning sign: it restarts in settle through POST /api/v1/me/resume, after a new assessment without warning signs and a doctor's check, not by setting it up again.");
        var assessment = await OnboardingHandler.LatestAssessmentAsync(db, accountId, ct);
        if (assessment?.StartPhase is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No program can start",
                detail: "A program starts from your latest self-assessment, and it must allow exercise (no warning sign that needs a doctor first).");
        var body = await JsonBody.ReadAsync(request, Read, ct);
        if (body.Value is not { } answers) return body.Problem!;
        var profile = await db.PatientProfiles.FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile is null) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No patient profile", detail: "Only a patient account has a program.");
        await OnboardingHandler.SaveAsync(db, profile, assessment, answers, clock, ct);
        return TypedResults.NoContent();
    }

    internal static Onboarding? Read(ObjectReader o)
    {
        var side = o.RequiredEnum<Side>("side");
        var sports = o.RequiredSet<Activity>("sports");
        var minutes = o.RequiredInt("preInjuryWeeklyMinutes", 0, OnboardingForm.MaxWeeklyMinutes);
        var zone = o.RequiredText("timeZone", 64);
        if (zone is not null && !TimeZones.Offered.Contains(zone))
            o.Error("timeZone", $"must be one of the offered zones (e.g. Europe/Paris, America/New_York), not \"{zone}\"");
        var timeText = o.RequiredText("sessionTime", 5);
        TimeOnly time = default;
        if (timeText is not null && !TimeOnly.TryParseExact(timeText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            o.Error("sessionTime", $"must be a time written HH:mm, like 18:30, not \"{timeText}\"");
        var cautions = o.RequiredSet<MassageCaution>("massageCautions");
        if (o.HasErrors || side is null || sports is null || minutes is null || zone is null || cautions is null) return null;
        return new Onboarding(side.Value, sports, minutes.Value, zone, time, cautions);
    }
}
