using System.Security.Claims;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.Clinician;

/// <summary>The clinician portal's form posts that are not a page's own form (F13): acknowledging an alert.</summary>
internal static class CaseloadEndpoints
{
    public static IEndpointRouteBuilder MapCaseloadEndpoints(this IEndpointRouteBuilder app)
    {
        // One form per alert on the caseload page: a plain post (antiforgery checked because it reads a form),
        // then back to the caseload, where the acknowledged alert has dropped down.
        app.MapPost("/clinician/alerts/acknowledge", AcknowledgeFormAsync).RequireAuthorization(Policies.Clinician);
        return app;
    }

    internal static async Task<Results<RedirectHttpResult, NotFound, ValidationProblem>> AcknowledgeFormAsync(
        IFormCollection form, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var patientId = form["patientId"].ToString();
        var evidenceKey = form["evidenceKey"].ToString();
        var errors = new Dictionary<string, string[]>();
        if (!WireName.TryParse<AlertKind>(form["kind"].ToString(), out var kind)) errors["kind"] = ["must be one of " + string.Join(", ", WireName.All<AlertKind>())];
        if (evidenceKey.Length is 0 or > 100) errors["evidenceKey"] = ["must be 1–100 characters"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var clinicianId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await CaseloadHandler.AcknowledgeAsync(db, audit, clinicianId, patientId, kind, evidenceKey, clock.GetUtcNow().UtcDateTime, ct))
            return TypedResults.NotFound();
        // Back where the button was: the caseload, or a patient's overview (only our own clinician pages, never another site).
        var back = form["returnTo"].ToString();
        return TypedResults.Redirect(IsOwnClinicianPage(back) ? back + (back.Contains('?') ? "&" : "?") + "acknowledged=1" : "/clinician?acknowledged=1");
    }

    /// <summary>A local path under /clinician/patients/ (no scheme, host or "//"): an open redirect is impossible.</summary>
    internal static bool IsOwnClinicianPage(string path) =>
        path.StartsWith("/clinician/patients/", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal)
        && !path.Contains('\\') && path.Length <= 200 && Uri.IsWellFormedUriString(path, UriKind.Relative);
}
