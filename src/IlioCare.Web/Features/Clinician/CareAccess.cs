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

    /// <summary>
    /// The same check inside a write transaction, holding the link until commit: a clinician's change and the
    /// patient's unlink cannot interleave (hazard H67). SQLite's write transaction is already exclusive; on
    /// PostgreSQL the active link row is locked FOR UPDATE, so an unlink committing first makes this find nothing.
    /// </summary>
    public static async Task<bool> IsLinkedForWriteAsync(IlioCareDbContext db, string clinicianId, string patientId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await IsLinkedAsync(db, clinicianId, patientId, ct);
        var rows = await db.Database.SqlQuery<long>(
            $"SELECT \"Id\" AS \"Value\" FROM \"CareLinks\" WHERE \"ClinicianId\" = {clinicianId} AND \"PatientId\" = {patientId} AND \"EndedAtUtc\" IS NULL FOR UPDATE")
            .ToListAsync(ct);
        return rows.Count > 0;
    }

    /// <summary>The patients a clinician follows now (the caseload's rows before sorting).</summary>
    public static IQueryable<string> LinkedPatientIds(IlioCareDbContext db, string clinicianId) =>
        db.CareLinks.Where(l => l.ClinicianId == clinicianId && l.EndedAtUtc == null).Select(l => l.PatientId);
}
