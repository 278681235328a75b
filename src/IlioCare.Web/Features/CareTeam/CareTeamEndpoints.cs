using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>The clinician's side of ending a link (F13): form posts from the clinician's patient page.</summary>
internal static class CareTeamEndpoints
{
    public static IEndpointRouteBuilder MapCareTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/clinician/patients/{patientId}").RequireAuthorization(Policies.Clinician);
        // The IFormCollection parameter makes the endpoint read a form, and so validate its antiforgery token.
        patients.MapPost("/unlink", (string patientId, IFormCollection form, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            EndAsync(patientId, LinkEnd.Unlinked, user, db, audit, clock, ct));
        patients.MapPost("/discharge", (string patientId, IFormCollection form, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            EndAsync(patientId, LinkEnd.Discharged, user, db, audit, clock, ct));
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> EndAsync(
        string patientId, LinkEnd how, ClaimsPrincipal user, IlioCareDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var clinicianId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // Not linked (never, or no longer): 404, as CareAccess answers everywhere (F15).
        var ended = await CareTeamHandlers.EndAsync(db, audit, patientId, clinicianId, clinicianId, how, clock.GetUtcNow().UtcDateTime, ct);
        return ended ? TypedResults.Redirect("/clinician") : TypedResults.NotFound();
    }
}
