namespace IlioCare.Data;

/// <summary>
/// One e-mail waiting to go, or gone (issue 18). Written in the same transaction as the change that causes it, so a
/// mail is never lost nor sent for a change that was rolled back; the web app's background sender delivers it.
/// Several instances share the table: an instance takes a row by setting <see cref="LeaseOwner"/> and
/// <see cref="LeaseUntilUtc"/> with one conditional UPDATE, so only one of them sends it.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    /// <summary>The plain-text body. Emptied once sent: a reset link must not lie in the database after use.</summary>
    public required string TextBody { get; set; }
    /// <summary>The simple HTML body (the same words). Emptied once sent.</summary>
    public required string HtmlBody { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Not before this instant: now when queued, later after a failed attempt (back-off).</summary>
    public DateTime NextAttemptAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAtUtc { get; set; }
    /// <summary>The instance sending it now, until <see cref="LeaseUntilUtc"/>; a lease that ran out may be taken again.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    /// <summary>Why the last attempt failed (the SMTP server's words), for the operator.</summary>
    public string? LastError { get; set; }
}
