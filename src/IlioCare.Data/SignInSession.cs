namespace IlioCare.Data;

/// <summary>
/// One signed-in browser (issue 18, ADR-0009): the server half of a sign-in cookie. The cookie carries only a
/// random session key; this row holds the ticket (who, roles, second factor) and is looked up on every request,
/// so deleting the row, or changing the account's security stamp, ends the session at once on every instance.
/// </summary>
public sealed class SignInSession
{
    /// <summary>SHA-256 hex of the session key the cookie carries: a copy of the database cannot be turned into a cookie.</summary>
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>The account's security stamp when the session began: a different stamp now (password reset, …) ends it.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>The serialized authentication ticket (<c>TicketSerializer</c>).</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>A short description of the browser, from its User-Agent ("Firefox on Android"), for the sessions list.</summary>
    public required string Device { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Written at most once a minute per session (the read on every request must stay a read).</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>The ticket's own expiry, kept here too so expired rows can be found and removed by a query.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
