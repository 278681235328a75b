using System.Security.Claims;
using System.Text.Encodings.Web;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>
/// Scheme <see cref="Policies.AccessTokenScheme"/>: <c>Authorization: Bearer ilc_…</c>. The token is looked up by its
/// SHA-256 hash (a lookup by hash leaks nothing a timing attack could use), refused when revoked or expired, and
/// becomes an identity of the token's type with the owner's id and roles. Challenges and refusals are problem
/// details, never a redirect to the sign-in page.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IlioCareDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Failure = "iliocare.token-failure";

    /// <summary>One claim per scope of the token (<see cref="TokenScopes"/>).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Last-used is written at most this often, so a busy script does not write on every call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
            return AuthenticateResult.NoResult();
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = AccessTokenHandler.Hash(token);
        var row = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var failure = row is null ? "The access token is not valid."
            : row.RevokedAtUtc is not null ? "The access token has been revoked."
            : row.ExpiresAtUtc <= now ? "The access token has expired."
            : null;
        if (failure is not null)
        {
            Context.Items[Failure] = failure;
            return AuthenticateResult.Fail(failure);
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == row!.AccountId)
            .Select(u => new { u.Id, u.UserName, u.SecurityStamp }).SingleOrDefaultAsync(Context.RequestAborted);
        // No lock-out check (issue 13 finding 5): the lock-out counts wrong passwords typed by anyone, and a stranger
        // typing five of them for a clinician's address must not stop the clinician's integration. A token is not a
        // password guess; it is ended by revoking it, its expiry, or (a sign-in token) the account's sessions ending.
        if (account is null)
        {
            Context.Items[Failure] = "The account of this access token no longer exists.";
            return AuthenticateResult.Fail("account gone");
        }
        // A token from POST /api/v1/auth/token is a sign-in: it ends with the sessions (new password, sign out everywhere).
        if (row!.SecurityStamp is not null && row.SecurityStamp != account.SecurityStamp)
        {
            Context.Items[Failure] = "This sign-in has ended (signed out everywhere, or a new password): sign in again.";
            return AuthenticateResult.Fail("security stamp changed");
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);

        if (row!.LastUsedAtUtc is not { } last || now - last >= LastUsedResolution)
        {
            var cutoff = now - LastUsedResolution;
            await db.AccessTokens.Where(t => t.Id == row.Id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc <= cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, account.Id), new(ClaimTypes.Name, account.UserName ?? account.Id) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope => new Claim(ScopeClaim, scope)));
        var identity = new ClaimsIdentity(claims, Policies.AccessTokenScheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[Failure] as string ?? "Send a personal access token as Authorization: Bearer ilc_…, or sign in.";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "This account may not do this.");

    /// <summary>The token of an <c>Authorization: Bearer ilc_…</c> header, or null when the request has none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[bearer.Length..].Trim();
        return token.Length > 0 ? token : null;
    }
}
