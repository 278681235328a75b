using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Interop;
using IlioCare.Web.Features.Clinician;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.Export;

/// <summary>
/// Downloads of a patient's data for other software (F14): the FHIR R4 Bundle and the CSV logs. The patient
/// downloads their own (the id from the sign-in, never from the URL); a clinician downloads a linked patient's
/// (404 otherwise, CareAccess) and the read is audited (F15). Every download is an attachment that no cache keeps.
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>One kind of download: its last URL segment, its file and how it is built.</summary>
    private sealed record Format(string Segment, string ContentType, string FileName, Func<IlioCareDbContext, string, TimeProvider, CancellationToken, Task<byte[]?>> Build);

    private static readonly Format[] s_formats =
    [
        new("fhir", "application/fhir+json", "iliocare-fhir.json",
            async (db, id, clock, ct) => await FhirExport.JsonAsync(db, id, clock, ct) is { } json ? System.Text.Encoding.UTF8.GetBytes(json) : null),
        new("check-ins.csv", "text/csv", "iliocare-check-ins.csv", async (db, id, _, ct) => await CsvExport.CheckInsAsync(db, id, ct)),
        new("sessions.csv", "text/csv", "iliocare-sessions.csv", async (db, id, _, ct) => await CsvExport.SessionsAsync(db, id, ct)),
    ];

    /// <summary>
    /// Issue 15: the clinician's JSON download — the program data of the patient's own export (AccountExport), kept to a
    /// list of parts: the account's security (tokens, invites, sign-in facts) and other clinicians' links are the
    /// patient's business only, and a part added to the patient's export later stays out until it is named here.
    /// </summary>
    private static readonly Format s_clinicianJson = new("json", "application/json", "iliocare-patient.json", async (db, id, clock, ct) =>
    {
        if (await AccountExport.BuildAsync(db, id, clock, ct) is not { } all) return null;
        string[] parts = ["exportedAtUtc", "profile", "assessments", "programStates", "checkIns", "exerciseLogs", "doses", "pauses",
            "functionalScaleActivities", "functionalScaleRatings", "treatments"];
        var kept = new System.Text.Json.Nodes.JsonObject();
        if (all["account"] is System.Text.Json.Nodes.JsonObject account)
            kept["patient"] = new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = account["name"]?.DeepClone(), ["email"] = account["email"]?.DeepClone(), ["dateOfBirth"] = account["dateOfBirth"]?.DeepClone(),
            };
        foreach (var part in parts) kept[part] = all[part]?.DeepClone();
        return System.Text.Encoding.UTF8.GetBytes(kept.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    });

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var own = new[] { app.MapGroup("/account/export"), app.MapGroup("/api/v1/me/export") };
        var clinician = new[] { app.MapGroup("/clinician/patients/{patientId}/export"), app.MapGroup("/api/v1/patients/{patientId}/export") };
        foreach (var group in clinician)
            group.MapGet("/" + s_clinicianJson.Segment, (string patientId, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                PatientAsync(s_clinicianJson, patientId, user, db, audit, clock, http, ct)).RequireAuthorization(Policies.Clinician);
        foreach (var format in s_formats)
        {
            foreach (var group in own)
                group.MapGet("/" + format.Segment, (ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                    OwnAsync(format, user, db, clock, http, ct)).RequireAuthorization();
            foreach (var group in clinician)
                group.MapGet("/" + format.Segment, (string patientId, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                    PatientAsync(format, patientId, user, db, audit, clock, http, ct)).RequireAuthorization(Policies.Clinician);
        }
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> OwnAsync(
        Format format, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId) return TypedResults.NotFound();
        return await FileAsync(format, db, accountId, clock, http, ct);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PatientAsync(
        Format format, string patientId, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } clinicianId || !await CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct))
            return TypedResults.NotFound();
        // Audited before the data leaves: a download that fails half-way still counts as a look.
        await audit.RecordAsync(db, clinicianId, patientId, AuditAction.ReadExport, format.Segment, clock.GetUtcNow().UtcDateTime, ct);
        return await FileAsync(format, db, patientId, clock, http, ct);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(
        Format format, IlioCareDbContext db, string accountId, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await format.Build(db, accountId, clock, ct) is not { } bytes) return TypedResults.NotFound();
        // Health data: no browser or proxy cache keeps a copy (the file name makes it an attachment).
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, format.ContentType, format.FileName);
    }
}
