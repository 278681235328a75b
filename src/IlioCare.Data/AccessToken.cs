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
}
