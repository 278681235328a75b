namespace IlioCare.Data;

/// <summary>
/// One line of the tamper-evident audit log (F15): who (<see cref="Actor"/>) read or changed whose data
/// (<see cref="Subject"/>), what, when (UTC). Ids are pseudonyms (a keyed hash of the account id) so that
/// deleting an account leaves the chain whole; <see cref="Mac"/> is an HMAC over this row and the previous
/// row's MAC, keyed with a secret kept outside the database: a changed or deleted row breaks the chain
/// (RECIPES.md). The app never updates or deletes these rows.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps, assigned by the appender under a lock (a gap is a deleted row).</summary>
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    /// <summary>The patient whose data it was; null for actions on no patient's data.</summary>
    public string? Subject { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public required string Mac { get; set; }
}
