namespace IlioCare.Data;

/// <summary>
/// The signed checkpoint of the audit log's head (issue 13 finding 9, ADR-0010): one row, updated in the same
/// transaction as every append, with the last sequence number and MAC and an HMAC over both (the audit key).
/// It lives in its own table, so cutting rows off the end of <c>AuditLog</c> — or emptying it — leaves a
/// checkpoint that no longer matches; an edited checkpoint fails its MAC.
/// </summary>
public sealed class AuditHead
{
    /// <summary>The one row's key.</summary>
    public const int TheOne = 1;

    public int Id { get; set; }
    /// <summary>The last row's sequence number (0: nothing logged yet).</summary>
    public long Sequence { get; set; }
    /// <summary>The last row's MAC ("" when the log is empty).</summary>
    public required string Mac { get; set; }
    /// <summary>The first row signed with the length-prefixed encoding; rows before it were signed before it existed.</summary>
    public long EncodingFrom { get; set; }
    public required string HeadMac { get; set; }
}
