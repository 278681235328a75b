using System.Security.Claims;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Accounts;
using IlioCare.Web.Features.CareTeam;
using IlioCare.Web.Features.Clinician;
using IlioCare.Web.Features.Summary;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Api;

/// <summary>
/// The care team, "who looked", treatments, the visit summary and account deletion over the API (F13–F16), each on
/// the handler its page calls. Patient endpoints need the patient role (as /care); the clinician's need
/// <see cref="Policies.Clinician"/> and answer 404 for a patient they are not linked to. Ending a link asks for
/// <c>{"confirm": true}</c>: an empty body changes nothing (as a page's form without its token).
/// </summary>
internal static class CareTeamApi
{
    private static readonly AuthorizeAttribute PatientRole = new() { Roles = Roles.Patient };

    public static IEndpointRouteBuilder MapCareTeamApi(this IEndpointRouteBuilder app)
    {
        var patient = ApiGroups.Me(app, "Care team").RequireAuthorization(PatientRole);
        patient.MapPost("/invites", InviteAsync);
        patient.MapGet("/care-team", CareTeamAsync);
        patient.MapDelete("/care-team/{clinicianId}", UnlinkClinicianAsync);
        patient.MapGet("/treatments", TreatmentsAsync);
        patient.MapGet("/audit", WhoLookedAsync);

        var me = ApiGroups.Me(app, "Me");
        me.MapGet("/summary", SummaryAsync);
        // A password guess like a sign-in: limited like one (issue 13 finding 4).
        ApiGroups.V1(app, "Me").MapDelete("/me", DeleteAccountAsync).RequireRateLimiting(AccountSetup.AuthPolicy);

        var clinician = ApiGroups.V1(app, "Clinician").RequireAuthorization(Policies.Clinician);
        // Guessing codes costs as much as guessing passwords: the same per-address limit as /clinician/link.
        clinician.MapPost("/links", RedeemAsync).RequireRateLimiting(AccountSetup.AuthPolicy);
        clinician.MapPost("/patients/{patientId}/discharge", (string patientId, HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            EndByClinicianAsync(patientId, LinkEnd.Discharged, request, user, db, audit, clock, ct));
        clinician.MapDelete("/patients/{patientId}/link", (string patientId, HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            EndByClinicianAsync(patientId, LinkEnd.Unlinked, request, user, db, audit, clock, ct));
        return app;
    }

    internal static async Task<IResult> InviteAsync(HttpContext context, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        NoCompression.For(context); // H27: the answer carries the invite code
        if (!await CareTeamHandlers.MayInviteAsync(db, ApiGroups.AccountId(user), ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Confirm your e-mail address first", detail: CareTeamHandlers.ConfirmFirst);
        string code;
        DateTime expires;
        try { (code, expires) = await CareTeamHandlers.InviteAsync(db, ApiGroups.AccountId(user), clock.GetUtcNow().UtcDateTime, ct); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ConstraintViolation.IsForeignKey(ex)) { return AccessTokens.ApiProblems.AccountGone(); }
        return TypedResults.Created("/api/v1/me/care-team", new { code, expiresAtUtc = Utc(expires) });
    }

    internal static async Task<IResult> CareTeamAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CareTeamView.LoadAsync(db, ApiGroups.AccountId(user), clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(new
        {
            openInviteExpiresAtUtc = view.OpenInviteExpiresAtUtc is { } e ? Utc(e) : (DateTime?)null,
            now = view.Now.Select(m => new { clinicianId = m.ClinicianId, name = m.Name, linkedAtUtc = Utc(m.LinkedAtUtc) }),
            before = view.Before.Select(m => new
            {
                clinicianId = m.ClinicianId, name = m.Name, linkedAtUtc = Utc(m.LinkedAtUtc), endedAtUtc = Utc(m.EndedAtUtc!.Value),
                how = m.EndReason switch
                {
                    LinkEnd.Discharged => "discharged",
                    LinkEnd.Unlinked => m.EndedByPatient ? "unlinked-by-you" : "unlinked-by-clinician",
                    null => "ended",
                },
            }),
        });
    }

    internal static async Task<IResult> UnlinkClinicianAsync(string clinicianId, HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ReadConfirm, ct);
        if (body.Problem is not null) return body.Problem;
        var patientId = ApiGroups.AccountId(user);
        return await CareTeamHandlers.EndAsync(db, audit, patientId, clinicianId, patientId, LinkEnd.Unlinked, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    internal static async Task<IResult> TreatmentsAsync(ClaimsPrincipal user, IlioCareDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await PatientDetailHandler.TreatmentsAsync(db, ApiGroups.AccountId(user), ct))
            .Select(t => new { date = t.Date, kind = WireName.Of(t.Kind), notes = t.Notes, clinician = t.ClinicianName }));

    /// <summary>"Who looked at my data", newest first, <see cref="WhoLooked.PageSize"/> a page; page 0 is the newest.</summary>
    internal static async Task<IResult> WhoLookedAsync(ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit,
        Microsoft.Extensions.Localization.IStringLocalizer<WhoLooked> words, CancellationToken ct, int page = 0)
    {
        if (page is < 0 or > 100_000) return JsonBody.Invalid("page", "must be a whole number from 0 (the newest) to 100000");
        var (rows, more) = await WhoLooked.PageAsync(db, audit, words, ApiGroups.AccountId(user), page, ct); // "what" follows Accept-Language
        return TypedResults.Ok(new
        {
            page,
            more,
            entries = rows.Select(r => new { atUtc = Utc(r.AtUtc), who = r.Who, what = r.What }),
        });
    }

    internal static async Task<IResult> SummaryAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(SummaryJson(await SummaryBuilder.LoadAsync(db, ApiGroups.AccountId(user), clock, ct)));

    /// <summary>Delete my account with my password (as /account/delete): 204 and everything of mine is gone.</summary>
    internal static async Task<IResult> DeleteAccountAsync(HttpRequest request, ClaimsPrincipal user, UserManager<Account> users, SignInManager<Account> signIn, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r => r.RequiredString("password", 1000) is { } p ? new PasswordBody(p) : null, ct);
        if (body.Problem is not null) return body.Problem;
        if (await users.FindByIdAsync(ApiGroups.AccountId(user)) is not { } account) return TypedResults.NotFound();
        return await DeleteAccountHandler.DeleteAsync(users, signIn, account, body.Value!.Password) is { } problem
            ? JsonBody.Invalid("password", problem)
            : TypedResults.NoContent();
    }

    internal static async Task<IResult> RedeemAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r => r.RequiredString("code", 100) is { } c ? new CodeBody(c) : null, ct);
        if (body.Problem is not null) return body.Problem;
        var (outcome, patientId) = await CareTeamHandlers.RedeemAsync(db, audit, ApiGroups.AccountId(user), body.Value!.Code, clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            RedeemOutcome.Linked => TypedResults.Created($"/api/v1/patients/{patientId}", new { patientId }),
            RedeemOutcome.InvalidCode => JsonBody.Invalid("code", "That code does not work. Codes work once, for 7 days: ask your patient for a new one."),
            RedeemOutcome.AlreadyLinked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "You already follow this patient",
                detail: $"GET /api/v1/patients/{patientId}"),
        };
    }

    private static async Task<IResult> EndByClinicianAsync(string patientId, LinkEnd how, HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ReadConfirm, ct);
        if (body.Problem is not null) return body.Problem;
        var clinicianId = ApiGroups.AccountId(user);
        // Not linked (never, or no longer): 404, as CareAccess answers everywhere (F15).
        return await CareTeamHandlers.EndAsync(db, audit, patientId, clinicianId, clinicianId, how, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Ending a link is deliberate: the body must say <c>{"confirm": true}</c>.</summary>
    private static Confirmed? ReadConfirm(ObjectReader r)
    {
        var confirm = r.RequiredBool("confirm");
        if (confirm == false) r.Error("confirm", "must be true to end the link");
        return confirm == true ? new Confirmed() : null;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The visit summary by hand (tuples do not serialise): enums by wire name, days as yyyy-MM-dd.</summary>
    private static object SummaryJson(VisitSummary s) => new
    {
        printed = s.Printed,
        name = s.Name,
        dateOfBirth = s.DateOfBirth,
        ageAtSignUp = s.AgeAtSignUp,
        side = s.Side is { } side ? WireName.Of(side) : null,
        sex = s.Sex is { } sex ? WireName.Of(sex) : null,
        symptoms = s.Symptoms is not { } h ? null : new
        {
            firstAssessedOn = h.FirstAssessedOn, symptomDaysAtFirst = h.SymptomDaysAtFirst, daysSince = h.DaysSince, totalDays = h.TotalDays,
            sinceAbout = h.SinceAbout, latestOn = h.LatestOn, painNow = h.PainNow, painWorst = h.PainWorst,
            painSites = h.PainSites, aggravators = h.Aggravators, activities = h.Activities, other = h.Other,
        },
        warningSigns = s.WarningSigns.Select(w => new { date = w.Date, where = w.Where, signs = w.Signs }),
        triage = s.Triage.Select(t => new
        {
            date = t.Date, level = WireName.Of(t.Level), reasons = t.Reasons, startPhase = t.StartPhase is { } p ? WireName.Of(p) : null,
        }),
        program = s.Program is not { } pr ? null : new
        {
            phaseNow = WireName.Of(pr.PhaseNow),
            phases = pr.Phases.Select(p => new
            {
                from = p.From, phase = WireName.Of(p.Phase), move = WireName.Of(p.Move), pausedForWarningSign = p.PausedForWarningSign, reason = p.Reason,
            }),
            exercises = pr.Exercises.Select(e => new
            {
                exercise = WireName.Of(e.Exercise.Id), name = e.Exercise.Name, startDose = e.StartDose, doseNow = e.DoseNow, reason = e.Reason,
                logged = e.Logged, stopped = e.Stopped, inPlanNow = e.InPlanNow,
            }),
            weeks = pr.Weeks.Select(w => new
            {
                monday = w.Monday, checkIns = w.CheckIns, painNow = w.PainNow, painMorning = w.PainMorning, stiffnessMinutes = w.StiffnessMinutes,
                sessionsDone = w.SessionsDone, sessionsPlanned = w.SessionsPlanned, stops = w.Stops, sportMinutes = w.SportMinutes,
                sportCap = w.SportCap, paused = w.Paused,
            }),
            stops = pr.Stops.Select(x => new { date = x.Date, exercise = x.Exercise }),
            trend = pr.Trend is not { } t ? null : new
            {
                first = Averages(t.First), last = Averages(t.Last), daily = t.Daily.Select(d => new { date = d.Date, painNow = d.PainNow }),
            },
            preInjuryWeeklyMinutes = pr.PreInjuryWeeklyMinutes, sportNow = pr.SportNow, checkIns = pr.CheckIns,
            sessionsDone = pr.SessionsDone, sessionsPlanned = pr.SessionsPlanned,
        },
    };

    private static object Averages(Averages a) => new
    {
        from = a.From, to = a.To, checkIns = a.CheckIns, painNow = a.PainNow, painMorning = a.PainMorning, stiffnessMinutes = a.StiffnessMinutes,
    };

    private sealed record Confirmed;

    private sealed record PasswordBody(string Password);

    private sealed record CodeBody(string Code);
}
