using System.Security.Claims;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// The clinician half of the REST API (F16), on the same handlers as the pages: caseload, patient, program edit
/// with optimistic concurrency (409), alert acknowledgements and treatments. Clinician role with a second factor
/// (cookie from a 2FA sign-in or a personal access token); 404 for a patient who is not linked.
/// </summary>
internal static class CaseloadApi
{
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapCaseloadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Clinician").RequireAuthorization(Policies.Clinician);
        api.MapGet("/caseload", CaseloadAsync);
        api.MapGet("/patients/{patientId}", PatientAsync);
        // JSON bodies only: a cross-site form cannot send application/json, so no antiforgery token (as the assessment endpoint).
        api.MapPut("/patients/{patientId}/program", ProgramAsync).DisableAntiforgery().Accepts<CustomExercises.ProgramChangeBody>("application/json");
        api.MapPost("/patients/{patientId}/alerts/acknowledgements", AcknowledgeAsync).DisableAntiforgery();
        api.MapPost("/patients/{patientId}/treatments", TreatmentAsync).DisableAntiforgery();
        return app;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>
    /// One page of the caseload (<see cref="CaseloadHandler.PageSize"/> patients, the most in need first; <c>?page=N</c>,
    /// 1-based). The body stays the array of rows; how many in all and the pages around it are in headers
    /// (<c>X-Total-Count</c>, RFC 8288 <c>Link</c> with rel next/prev), so a client that reads page 1 keeps working.
    /// </summary>
    internal static async Task<Results<Ok<object[]>, ValidationProblem>> CaseloadAsync(string? page, ClaimsPrincipal user, HttpResponse response,
        IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var number = 1;
        if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["must be a whole number from 1"] });
        var result = await CaseloadHandler.LoadPageAsync(db, audit, Me(user), number, CaseloadHandler.PageSize, clock, ct);
        response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (result.Page > 1) links.Add($"</api/v1/caseload?page={result.Page - 1}>; rel=\"prev\"");
        if (result.Page < result.PageCount) links.Add($"</api/v1/caseload?page={result.Page + 1}>; rel=\"next\"");
        if (links.Count > 0) response.Headers.Link = string.Join(", ", links);
        return TypedResults.Ok(result.Rows.Select(r => (object)new
        {
            patientId = r.PatientId, name = r.Name, email = r.Email, phase = r.Phase is { } p ? WireName.Of(p) : null, paused = r.Paused,
            lastCheckIn = r.LastCheckIn, today = r.Today,
            alerts = r.Alerts.Select(a => new
            {
                kind = WireName.Of(a.Alert.Kind), reason = a.Alert.Reason, evidenceKey = a.Alert.EvidenceKey, on = a.Alert.On, acknowledged = a.Acknowledged,
            }),
        }).ToArray());
    }

    internal static async Task<Results<Ok<object>, NotFound>> PatientAsync(string patientId, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (await PatientDetailHandler.LoadAsync(db, audit, Me(user), patientId, clock, ct) is not { } d) return TypedResults.NotFound();
        return TypedResults.Ok((object)new
        {
            patientId = d.PatientId, name = d.Name, email = d.Email, dateOfBirth = d.DateOfBirth, today = d.Today, programVersion = d.Profile.ProgramVersion,
            phase = d.State is { } s ? WireName.Of(s.Phase) : null, paused = d.PausedForWarningSign, phaseSetBy = d.StateSetBy,
            painRule = WireName.Of(d.Profile.PainRule), excluded = d.Profile.ExcludedExercises.Order().Select(WireName.Of),
            doses = d.Doses.Select(x => new
            {
                exercise = WireName.Of(x.Exercise),
                step = (x.Dose is { } r ? DoseSteps.Of(x.Exercise, Program.PatientProgram.StrengthDose(r), Program.PatientProgram.StretchDose(r)) : DoseSteps.For(x.Exercise)[0])?.Code,
                setBy = x.SetBy, note = x.Dose?.Note,
            }),
            checkIns = d.CheckIns.Select(c => new
            {
                date = c.Date, painMorning = c.PainMorning, painNow = c.PainNow, stiffnessMinutes = c.StiffnessMinutes,
                warningSigns = c.WarningSigns.Order().Select(WireName.Of), sportMinutes = c.TotalSportMinutes, flare = c.Flare,
            }),
            treatments = d.Treatments.Select(t => new { date = t.Date, kind = WireName.Of(t.Kind), notes = t.Notes, clinician = t.ClinicianName }),
            customExercises = (await CustomExercises.CustomExerciseStore.ForPatientAsync(db, patientId, ct)).Select(CustomExercises.CustomExerciseView.Of),
        });
    }

    internal static async Task<Results<Ok<CustomExercises.ProgramSaved>, NotFound, ValidationProblem, ProblemHttpResult>> ProgramAsync(string patientId, HttpRequest request,
        ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var (change, problem) = await ReadAsync(request, CaseloadApiContract.ReadProgram, ct);
        if (problem is not null) return problem.Result is ValidationProblem v ? v : (ProblemHttpResult)problem.Result;
        // Issue 15: kept ids must be this patient's, library ids this clinician's own (checked only for a linked patient: else 404 below).
        if (change!.CustomExercises is { } items && await CareAccess.IsLinkedAsync(db, Me(user), patientId, ct)
            && await CustomExercises.CustomExerciseStore.CheckItemsAsync(db, Me(user), patientId, items, ct) is { Count: > 0 } idErrors)
            return TypedResults.ValidationProblem(idErrors, title: "The body has bad fields", detail: "Every bad field is named in errors.");
        var outcome = await ProgramEditHandler.SaveAsync(db, audit, Me(user), patientId, change!, clock, ct);
        if (outcome == ProgramSaveOutcome.NotFound) return TypedResults.NotFound();
        if (outcome == ProgramSaveOutcome.NotOnboarded)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The patient has not finished onboarding",
                detail: ProgramEditHandler.NotOnboardedMessage);
        if (outcome == ProgramSaveOutcome.Conflict)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The program changed while you were editing",
                detail: await ProgramConflict.ExplainAsync(db, audit, Me(user), patientId, change!.Version, ct) + " Read it again (GET /api/v1/patients/{id}) and send the new version.");
        // Saved or unchanged: the version to send with the next edit.
        var version = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.PatientProfiles.Where(p => p.AccountId == patientId).Select(p => p.ProgramVersion), ct);
        return TypedResults.Ok(new CustomExercises.ProgramSaved(version, outcome == ProgramSaveOutcome.Saved));
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(string patientId, HttpRequest request,
        ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(request, CaseloadApiContract.ReadAcknowledgement, ct);
        if (problem is not null) return problem.Result is ValidationProblem v ? v : (ProblemHttpResult)problem.Result;
        return await CaseloadHandler.AcknowledgeAsync(db, audit, Me(user), patientId, body!.Kind, body.EvidenceKey, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    internal static async Task<Results<Created, NotFound, ValidationProblem, ProblemHttpResult>> TreatmentAsync(string patientId, HttpRequest request,
        ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var (input, problem) = await ReadAsync(request, r => CaseloadApiContract.ReadTreatment(r, latest), ct);
        if (problem is not null) return problem.Result is ValidationProblem v ? v : (ProblemHttpResult)problem.Result;
        var errors = await TreatmentHandler.RecordAsync(db, audit, Me(user), patientId, input!, clock, ct);
        if (errors is null) return TypedResults.NotFound();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The treatment has bad fields");
        return TypedResults.Created($"/api/v1/patients/{patientId}");
    }

    /// <summary>A JSON object read by the strict contract; or the problem (415, 413, 400 naming every bad field).</summary>
    private static async Task<(T? Value, Rejection? Problem)> ReadAsync<T>(HttpRequest request, Func<ObjectReader, T?> read, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, new(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as JSON",
                detail: "The body must be a JSON object with Content-Type: application/json.")));
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBodyBytes) return (null, new(TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large")));
            buffer.Write(chunk, 0, n);
        }
        var result = JsonContract.Read(buffer.ToArray(), read);
        return result.Value is { } value
            ? (value, null)
            : (null, new(TypedResults.ValidationProblem(result.ErrorsByField(), title: "The body has bad fields", detail: "Every bad field is named in errors.")));
    }

    private sealed record Rejection(IResult Result);
}
