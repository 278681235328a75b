namespace IlioCare.Data;

/// <summary>
/// A personal access token (F16) for scripts and integrations: made and revoked by its owner, acting with
/// the owner's rights. Only a SHA-256 hash is stored; the token itself is shown once.
/// </summary>
public sealed class AccessToken
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, to tell tokens apart in the list.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole token, hex.</summary>
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>
    /// What the token may do, space-separated (issue 13 adds finer scopes): <see cref="TokenScopes.All"/> for a token
    /// its owner made on /account/tokens; a token from <c>POST /api/v1/auth/token</c> lacks <c>tokens</c>, so it
    /// cannot mint more tokens.
    /// </summary>
    public string Scopes { get; set; } = TokenScopes.All;

    /// <summary>
    /// For a token from <c>POST /api/v1/auth/token</c> (a signed-in app, like a session): the account's security stamp
    /// when it was made, so a password reset or "sign out everywhere" ends it too. Null for a personal access token.
    /// </summary>
    public string? SecurityStamp { get; set; }
}

/// <summary>The scopes an access token can hold (issue 13, finding 5).</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string Write = "write";
    /// <summary>May make and revoke tokens.</summary>
    public const string Tokens = "tokens";

    public const string All = "read write tokens";
    public const string SignIn = "read write";

    public static bool Has(string scopes, string scope) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}
