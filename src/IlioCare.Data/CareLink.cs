namespace IlioCare.Data;

/// <summary>How a link between a patient and a clinician ended (F13).</summary>
public enum LinkEnd
{
    /// <summary>The patient or the clinician unlinked.</summary>
    Unlinked,
    /// <summary>The clinician discharged the patient: care is over, the patient keeps their program.</summary>
    Discharged,
}

/// <summary>
/// A clinician follows a patient (F13): made when the clinician redeems the patient's invite code, ended
/// by either side (unlink) or by the clinician (discharge). Ended links are kept, so the patient can see
/// who followed them and when; only a link with <see cref="EndedAtUtc"/> null gives access (F15).
/// </summary>
public sealed class CareLink
{
    public long Id { get; set; }
    public required string PatientId { get; set; }
    public required string ClinicianId { get; set; }
    public DateTime LinkedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    /// <summary>The account that ended the link (patient or clinician).</summary>
    public string? EndedBy { get; set; }
    public LinkEnd? EndReason { get; set; }

    public bool IsActive => EndedAtUtc is null;
}

/// <summary>
/// A one-time code a patient gives their clinician (F13 invite). Only a hash is stored: someone who reads
/// the database cannot redeem an open invite. Single use, short-lived.
/// </summary>
public sealed class LinkInvite
{
    public long Id { get; set; }
    public required string PatientId { get; set; }
    /// <summary>SHA-256 of the code, hex.</summary>
    public required string CodeHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RedeemedAtUtc { get; set; }
    public string? RedeemedBy { get; set; }
}
