using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>A treatment a clinician records (F13): the patient's local day, the kind, notes.</summary>
public sealed record TreatmentInput(DateOnly Date, TreatmentKind Kind, string? Notes);

/// <summary>
/// Records a physiotherapy treatment or a biomechanical evaluation (F13), visible to the patient on /care/treatments.
/// The row and its audit entry (F15 RecordTreatment) are one transaction.
/// </summary>
internal static class TreatmentHandler
{
    /// <summary>The notes column's length (TreatmentRecord.Notes).</summary>
    public const int NotesLength = 2000;

    /// <summary>Field → message for every bad field (SPEC §2: all of them, not the first); empty when fine.</summary>
    public static Dictionary<string, string> Check(TreatmentInput input, DateOnly patientToday)
    {
        var errors = new Dictionary<string, string>();
        if (input.Date > patientToday) errors["date"] = "must not be later than the patient's today (" + patientToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ")";
        if (input.Notes is { Length: > NotesLength }) errors["notes"] = $"must be at most {NotesLength} characters";
        else if (input.Kind == TreatmentKind.BiomechanicalEvaluation && string.IsNullOrWhiteSpace(input.Notes))
            errors["notes"] = "are required for a biomechanical evaluation (what you found)";
        return errors;
    }

    /// <summary>Null when the patient is not linked (404); else the field errors (empty when saved).</summary>
    public static async Task<Dictionary<string, string>?> RecordAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        TreatmentInput input, TimeProvider clock, CancellationToken ct)
    {
        if (!await CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct)) return null;
        var zone = await db.PatientProfiles.Where(p => p.AccountId == patientId).Select(p => p.TimeZoneId).FirstAsync(ct);
        var errors = Check(input, PatientToday.Date(clock, zone));
        if (errors.Count > 0) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        var linked = await db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            if (!await CareAccess.IsLinkedForWriteAsync(db, clinicianId, patientId, token)) return false; // unlinked meanwhile (H67)
            db.Treatments.Add(new TreatmentRecord
            {
                PatientId = patientId, ClinicianId = clinicianId, Date = input.Date, Kind = input.Kind,
                Notes = input.Notes?.Trim() ?? "", RecordedAtUtc = now,
            });
            await db.SaveChangesAsync(token);
            await audit.RecordAsync(db, clinicianId, patientId, AuditAction.RecordTreatment, $"{WireName.Of(input.Kind)} on {input.Date:yyyy-MM-dd}", now, token);
            return true;
        }, ct);
        return linked ? errors : null;
    }

    /// <summary>Plain words for a treatment kind.</summary>
    public static string Name(TreatmentKind kind) => kind switch
    {
        TreatmentKind.SoftTissueMassage => "Soft-tissue massage",
        TreatmentKind.JointMobilisation => "Joint mobilisation",
        TreatmentKind.DryNeedling => "Dry needling",
        TreatmentKind.TherapeuticUltrasound => "Therapeutic ultrasound",
        TreatmentKind.BiomechanicalEvaluation => "Biomechanical evaluation",
    };
}
