using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Sessions;

/// <summary>One signed-in browser as its owner sees it: never the session key, nor its hash.</summary>
public sealed record SessionSummary(string Device, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, DateTime ExpiresAtUtc, bool IsCurrent);

/// <summary>The sessions list and "sign out everywhere", shared by <c>/account</c> and <c>/api/v1/me/sessions</c>.</summary>
internal static class SessionsHandler
{
    /// <summary>
    /// The account's live sessions, most recently seen first; <paramref name="currentId"/> (the request's own
    /// session, <see cref="SessionStore.CurrentSessionItem"/>) is marked. Rows a changed stamp has ended are left out.
    /// </summary>
    public static async Task<IReadOnlyList<SessionSummary>> ListAsync(IlioCareDbContext db, string accountId, string? currentId, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.SignInSessions.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.ExpiresAtUtc > nowUtc)
            .Join(db.Users, s => s.AccountId, u => u.Id, (s, u) => new { s.Id, s.Device, s.CreatedAtUtc, s.LastSeenAtUtc, s.ExpiresAtUtc, s.SecurityStamp, AccountStamp = u.SecurityStamp })
            .Where(s => s.SecurityStamp == s.AccountStamp)
            .ToListAsync(ct);
        // Sorted here: SQLite cannot order DateTime columns reliably across providers (as the token list).
        return rows.OrderByDescending(s => s.Id == currentId).ThenByDescending(s => s.LastSeenAtUtc)
            .Select(s => new SessionSummary(s.Device, s.CreatedAtUtc, s.LastSeenAtUtc, s.ExpiresAtUtc, s.Id == currentId))
            .ToList();
    }

    /// <summary>
    /// Ends every session of the account, this one included, on every instance: a new security stamp (which also
    /// ends the tokens apps got by signing in with the password, <c>POST /api/v1/auth/token</c>), then the rows go.
    /// The caller signs the current browser out to clear its cookie. Personal access tokens stay: they are revoked
    /// one by one on /account/tokens.
    /// </summary>
    public static async Task SignOutEverywhereAsync(UserManager<Account> users, IlioCareDbContext db, Account account, DateTime nowUtc, CancellationToken ct)
    {
        var stamped = await users.UpdateSecurityStampAsync(account);
        if (!stamped.Succeeded)
            throw new InvalidOperationException("The security stamp could not be changed: " + string.Join("; ", stamped.Errors.Select(e => e.Description)));
        await db.SignInSessions.Where(s => s.AccountId == account.Id).ExecuteDeleteAsync(ct);
        await db.AccessTokens.Where(t => t.AccountId == account.Id && t.SecurityStamp != null && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAtUtc, nowUtc), ct);
    }
}
