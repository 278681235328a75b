using System.Security.Claims;
using IlioCare.Web.Hosting;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary><c>/api/v1/me/tokens</c>: the same list, creation and revocation as the page <c>/account/tokens</c>.</summary>
internal static class AccessTokenEndpoints
{
    /// <summary>The body of <c>POST /api/v1/me/tokens</c>.</summary>
    internal sealed record NewToken(string Name, TokenLifetime Lifetime, string? Password);

    public static IEndpointRouteBuilder MapAccessTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Access tokens");
        me.MapGet("/tokens", ListAsync);
        // A password may be sent: limited like a sign-in (AuthRateLimit).
        me.MapPost("/tokens", CreateAsync).RequireRateLimiting(AccountSetup.AuthPolicy);
        me.MapDelete("/tokens/{id:long}", RevokeAsync);
        return app;
    }

    internal static async Task<IResult> ListAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!AccessTokenHandler.MayManage(user)) return NoTokensScope();
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await AccessTokenHandler.ListAsync(db, ApiGroups.AccountId(user), ct);
        return TypedResults.Ok(tokens.Select(t => View(t, now)));
    }

    /// <summary>
    /// 201 with the token itself, the only time it is shown: store it now. Only from a cookie session, with two-factor
    /// for staff, and with a password typed in the last 15 minutes or sent as <c>password</c> (issue 13 finding 5).
    /// </summary>
    internal static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock,
        UserManager<Account> users, SignInManager<Account> signIn, CancellationToken ct)
    {
        NoCompression.For(request.HttpContext); // H27: the answer carries the new token
        if (AccessTokenHandler.IsToken(user))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A token cannot make tokens",
                detail: "Make tokens on /account/tokens, signed in with your password (and two-factor sign-in for staff).");
        if (!AccessTokenHandler.MayCreate(user))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in needed",
                detail: "Clinicians and admins make tokens only after signing in with two-factor authentication.");
        var body = await JsonBody.ReadAsync(request, Read, ct);
        if (body.Value is not { } input) return body.Problem!;
        if (!RecentPassword.IsRecent(user, clock.GetUtcNow()))
        {
            if (input.Password is null)
                return JsonBody.Invalid("password", "You signed in more than 15 minutes ago: send your password as \"password\" to make a token.");
            if (await users.GetUserAsync(user) is not { } account) return ApiProblems.AccountGone();
            switch (await PasswordConfirmation.CheckAsync(signIn, account, input.Password))
            {
                case PasswordCheck.LockedOut: return JsonBody.Invalid("password", PasswordConfirmation.LockedOutMessage);
                case PasswordCheck.Wrong: return JsonBody.Invalid("password", "That is not your password. No token was made.");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        CreatedToken created;
        try { created = await AccessTokenHandler.CreateAsync(db, ApiGroups.AccountId(user), input.Name, input.Lifetime, now, ct); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ConstraintViolation.IsForeignKey(ex)) { return ApiProblems.AccountGone(); }
        return TypedResults.Created($"/api/v1/me/tokens/{created.Summary.Id}", new { token = created.Token, details = View(created.Summary, now) });
    }

    internal static async Task<IResult> RevokeAsync(long id, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct) =>
        !AccessTokenHandler.MayManage(user) ? NoTokensScope()
        : await AccessTokenHandler.RevokeAsync(db, ApiGroups.AccountId(user), id, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such token", detail: "You have no token with this id.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoTokensScope() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token may not manage tokens",
            detail: "A token from signing in (POST /api/v1/auth/token) cannot list or revoke tokens: use /account/tokens or a personal access token.");

    /// <summary><c>{"name": "…", "expiresInDays": 30 | 90 | 365, "password": "…"}</c>, strictly (SPEC §2); the password only when the sign-in is not recent.</summary>
    internal static NewToken? Read(ObjectReader o)
    {
        var name = o.RequiredText("name", AccessTokenHandler.MaxNameLength);
        var days = o.RequiredInt("expiresInDays", 1, 365);
        var password = o.OptionalString("password", 1000);
        TokenLifetime? lifetime = days is { } d && Enum.IsDefined((TokenLifetime)d) ? (TokenLifetime)d : null;
        if (days is not null && lifetime is null) o.Error("expiresInDays", $"must be 30, 90 or 365, not {days}");
        return name is null || lifetime is null ? null : new(name, lifetime.Value, password);
    }

    private static object View(TokenSummary t, DateTime now) => new
    {
        id = t.Id, name = t.Name, prefix = t.Prefix, createdAtUtc = t.CreatedAtUtc, expiresAtUtc = t.ExpiresAtUtc,
        lastUsedAtUtc = t.LastUsedAtUtc, revokedAtUtc = t.RevokedAtUtc, active = t.IsActive(now),
    };
}
