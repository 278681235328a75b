using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Sessions;

/// <summary>
/// Sign-in sessions held in the database (issue 18, ADR-0009): Identity's cookie carries only a random session
/// key; the ticket lives in <see cref="SignInSession"/>. Every request reads its row joined to the account — one
/// primary-key read — and the session is over when the row is gone (sign-out, sign out everywhere, account
/// deleted by cascade), when it has expired, or when the account's security stamp is no longer the one the session
/// began with (password reset or change, two-factor reset). Several instances see the same rows, so a session ends
/// everywhere at once.
/// </summary>
internal sealed class SessionStore : ITicketStore
{
    /// <summary><see cref="HttpContext.Items"/> key of the current request's session id, for "this device".</summary>
    public const string CurrentSessionItem = "iliocare.session";

    /// <summary>Last-seen is written at most this often per session: the check on every request stays a read.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now(httpContext);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var accountId = AccountIdOf(ticket, httpContext);
        // A change tracker of its own, so a sign-in never saves whatever else the request's context tracks; but the
        // request's connection and transaction, so a sign-in inside a unit of work (a sign-up) neither waits for
        // that unit's write lock (SQLite) nor outlives its rollback.
        var scoped = httpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
        await using var db = new IlioCareDbContext(httpContext.RequestServices.GetRequiredService<DbContextOptions<IlioCareDbContext>>());
        db.Database.SetDbConnection(scoped.Database.GetDbConnection(), contextOwnsConnection: false);
        if (scoped.Database.CurrentTransaction is { } transaction)
            await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        // Tidy as we go: this account's expired sessions are of no use to anyone.
        await db.SignInSessions.Where(s => s.AccountId == accountId && s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
        var row = new SignInSession
        {
            Id = Hash(key),
            AccountId = accountId,
            SecurityStamp = StampOf(ticket, httpContext),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            Device = DeviceName.From(httpContext.Request.Headers.UserAgent.ToString()),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = ExpiryOf(ticket, now),
        };
        db.SignInSessions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        httpContext.Items[CurrentSessionItem] = row.Id;
        return key;
    }

    /// <summary>
    /// A new expiry (sliding), a principal refreshed by the security stamp validator, or a sign-in on a browser
    /// that already had a session (the cookie handler keeps the key, e.g. <c>RefreshSignInAsync</c> after a password
    /// change). The stamp is the ticket's own, which Identity took from the account when it made the principal, so a
    /// renewal can never bring an ended session back. A row that is gone stays gone: this never inserts.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now(httpContext);
        var db = httpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
        var id = Hash(key);
        var accountId = AccountIdOf(ticket, httpContext);
        var stamp = StampOf(ticket, httpContext);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, now);
        await db.SignInSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.AccountId, accountId)
            .SetProperty(s => s.SecurityStamp, stamp)
            .SetProperty(s => s.Ticket, bytes)
            .SetProperty(s => s.ExpiresAtUtc, expires)
            .SetProperty(s => s.LastSeenAtUtc, now), cancellationToken);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now(httpContext);
        var db = httpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
        var id = Hash(key);
        var row = await db.SignInSessions.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Users, s => s.AccountId, u => u.Id, (s, u) => new { s.Ticket, s.SecurityStamp, s.ExpiresAtUtc, s.LastSeenAtUtc, AccountStamp = u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null; // signed out, signed out everywhere, or the account is gone
        if (row.SecurityStamp.Length == 0 || row.SecurityStamp != row.AccountStamp || row.ExpiresAtUtc <= now)
        {
            await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        if (now - row.LastSeenAtUtc >= LastSeenResolution)
        {
            // Conditional, so two instances serving the same browser in the same minute write once between them.
            var cutoff = now - LastSeenResolution;
            await db.SignInSessions.Where(s => s.Id == id && s.LastSeenAtUtc <= cutoff)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAtUtc, now), cancellationToken);
        }
        httpContext.Items[CurrentSessionItem] = id;
        return TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
        var id = Hash(key);
        await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    // The cookie handler always calls the overloads with the HttpContext (above); these have no request to read
    // the database through, and are never used.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw Unsupported();
    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw Unsupported();
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw Unsupported();
    public Task RemoveAsync(string key) => throw Unsupported();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static NotSupportedException Unsupported() => new("The session store needs the request (its database context).");

    private static DateTime Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + SessionLifetimes.Patient;

    private static string AccountIdOf(AuthenticationTicket ticket, HttpContext context) =>
        ticket.Principal.FindFirstValue(Identity(context).UserIdClaimType)
        ?? throw new InvalidOperationException("a sign-in ticket without an account id");

    /// <summary>The stamp Identity put in the principal; none (never for Identity's own sign-ins) matches no account.</summary>
    private static string StampOf(AuthenticationTicket ticket, HttpContext context) =>
        ticket.Principal.FindFirstValue(Identity(context).SecurityStampClaimType) ?? "";

    private static ClaimsIdentityOptions Identity(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
