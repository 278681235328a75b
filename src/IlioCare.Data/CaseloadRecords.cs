using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Data;

/// <summary>
/// A clinician saw an alert (F13) and acknowledged it. The alert is identified by its kind and the evidence
/// behind it (e.g. the check-in date and when it was last saved): new evidence makes a new alert, which
/// rises again; the same evidence stays acknowledged.
/// </summary>
public sealed class AlertAcknowledgement
{
    public long Id { get; set; }
    public required string ClinicianId { get; set; }
    public required string PatientId { get; set; }
    public AlertKind Kind { get; set; }
    public required string EvidenceKey { get; set; }
    public DateTime AcknowledgedAtUtc { get; set; }
}

/// <summary>A physiotherapy treatment or a biomechanical evaluation a clinician recorded (F13), shown to the patient.</summary>
public sealed class TreatmentRecord
{
    public long Id { get; set; }
    public required string PatientId { get; set; }
    /// <summary>Who recorded it; kept as text, not a foreign key, so a clinician who leaves does not take the patient's record away.</summary>
    public required string ClinicianId { get; set; }
    /// <summary>The patient's local day of the treatment.</summary>
    public DateOnly Date { get; set; }
    public TreatmentKind Kind { get; set; }
    public required string Notes { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
