using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>How long a new token lives: the three choices of the page and the API.</summary>
public enum TokenLifetime { Days30 = 30, Days90 = 90, Days365 = 365 }

/// <summary>A token as its owner sees it in the list: never the token itself, which is shown once.</summary>
public sealed record TokenSummary(long Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime ExpiresAtUtc,
    DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc)
{
    public bool IsActive(DateTime nowUtc) => RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}

/// <summary>A token just made: <see cref="Token"/> is the only time the secret leaves the server.</summary>
public sealed record CreatedToken(string Token, TokenSummary Summary);

/// <summary>
/// Personal access tokens (F16), used by the page <c>/account/tokens</c> and by <c>/api/v1/me/tokens</c>:
/// "ilc_" + 32 random bytes in base64url, stored only as SHA-256 hex, so a copy of the database lets nobody
/// call the API. A token acts with its owner's rights, no more.
/// </summary>
internal static class AccessTokenHandler
{
    public const string TokenPrefix = "ilc_";
    public const int MaxNameLength = 100;
    /// <summary>Shown in the list to tell tokens apart: "ilc_" and the first 6 characters, far too few to guess the rest.</summary>
    private const int ShownPrefixLength = 10;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The request came with a bearer token (not a cookie session).</summary>
    public static bool IsToken(ClaimsPrincipal user) => user.Identities.Any(i => i.AuthenticationType == Policies.AccessTokenScheme);

    /// <summary>
    /// Only a cookie session makes tokens (issue 13 finding 5): a token never mints another, whatever its scopes, so a
    /// leaked token cannot copy itself into a year-long one that outlives its revocation. Staff must also hold a
    /// second factor in that session, because a token then counts as one (<see cref="Policies"/>): a clinician signed
    /// in by password alone cannot mint a way round two-factor. The password must be recent too (<see cref="RecentPassword"/>).
    /// </summary>
    public static bool MayCreate(ClaimsPrincipal user) =>
        !IsToken(user)
        && (!(user.IsInRole(Roles.Clinician) || user.IsInRole(Roles.Admin)) || user.HasClaim("amr", "mfa"));

    /// <summary>
    /// Listing and revoking tokens: a cookie session, or a token with the <c>tokens</c> scope (a personal access
    /// token). A sign-in token (<c>POST /api/v1/auth/token</c>, scopes <c>read write</c>) may not, so a leaked one
    /// cannot revoke the owner's other tokens.
    /// </summary>
    public static bool MayManage(ClaimsPrincipal user) =>
        !IsToken(user) || user.HasClaim(AccessTokenAuthentication.ScopeClaim, TokenScopes.Tokens);

    public static Task<CreatedToken> CreateAsync(IlioCareDbContext db, string accountId, string name, TokenLifetime lifetime,
        DateTime nowUtc, CancellationToken ct) =>
        CreateAsync(db, accountId, name, nowUtc, nowUtc.AddDays((int)lifetime), TokenScopes.All, securityStamp: null, ct);

    /// <summary>
    /// Any token: <paramref name="securityStamp"/> ties it to the account's sessions (a sign-in token, which a new
    /// password or "sign out everywhere" ends); null for a personal access token.
    /// </summary>
    public static async Task<CreatedToken> CreateAsync(IlioCareDbContext db, string accountId, string name, DateTime nowUtc, DateTime expiresAtUtc,
        string scopes, string? securityStamp, CancellationToken ct)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new AccessToken
        {
            AccountId = accountId,
            Name = name.Trim(),
            Prefix = token[..ShownPrefixLength],
            Hash = Hash(token),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = expiresAtUtc,
            Scopes = scopes,
            SecurityStamp = securityStamp,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new(token, Summarise(row));
    }

    /// <summary>The owner's tokens, newest first (sorted here: SQLite cannot order DateTime columns reliably across providers).</summary>
    public static async Task<IReadOnlyList<TokenSummary>> ListAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).Select(Summarise).ToList();
    }

    /// <summary>False when the token is not the caller's (or does not exist): the caller answers 404 either way.</summary>
    public static async Task<bool> RevokeAsync(IlioCareDbContext db, string accountId, long id, DateTime nowUtc, CancellationToken ct)
    {
        var row = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.AccountId == accountId, ct);
        if (row is null) return false;
        row.RevokedAtUtc ??= nowUtc;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static TokenSummary Summarise(AccessToken t) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
