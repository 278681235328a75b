using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// The one answer to "may this clinician see this patient?" (F15: a clinician sees only linked patients).
/// Every clinician endpoint and page asks it with the ids it was given, and answers 404 (not 403) when the
/// link is missing, so a clinician cannot even learn whether an account id exists.
/// </summary>
internal static class CareAccess
{
    public static Task<bool> IsLinkedAsync(IlioCareDbContext db, string clinicianId, string patientId, CancellationToken ct) =>
        db.CareLinks.AnyAsync(l => l.ClinicianId == clinicianId && l.PatientId == patientId && l.EndedAtUtc == null, ct);

    /// <summary>The patients a clinician follows now (the caseload's rows before sorting).</summary>
    public static IQueryable<string> LinkedPatientIds(IlioCareDbContext db, string clinicianId) =>
        db.CareLinks.Where(l => l.ClinicianId == clinicianId && l.EndedAtUtc == null).Select(l => l.PatientId);
}
