using System.Security.Claims;
using IlioCare.Web.Hosting;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Api;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary><c>/api/v1/me/tokens</c>: the same list, creation and revocation as the page <c>/account/tokens</c>.</summary>
internal static class AccessTokenEndpoints
{
    /// <summary>The body of <c>POST /api/v1/me/tokens</c>.</summary>
    internal sealed record NewToken(string Name, TokenLifetime Lifetime);

    public static IEndpointRouteBuilder MapAccessTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Access tokens");
        me.MapGet("/tokens", ListAsync);
        me.MapPost("/tokens", CreateAsync);
        me.MapDelete("/tokens/{id:long}", RevokeAsync);
        return app;
    }

    internal static async Task<IResult> ListAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await AccessTokenHandler.ListAsync(db, ApiGroups.AccountId(user), ct);
        return TypedResults.Ok(tokens.Select(t => View(t, now)));
    }

    /// <summary>201 with the token itself, the only time it is shown: store it now.</summary>
    internal static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        NoCompression.For(request.HttpContext); // H27: the answer carries the new token
        if (!AccessTokenHandler.MayCreate(user))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in needed",
                detail: "Clinicians and admins make tokens only after signing in with two-factor authentication.");
        if (!AccessTokenHandler.HasTokensScope(user))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token may not make tokens",
                detail: "A token from signing in (POST /api/v1/auth/token) cannot make tokens: make them on /account/tokens.");
        var body = await JsonBody.ReadAsync(request, Read, ct);
        if (body.Value is not { } input) return body.Problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        CreatedToken created;
        try { created = await AccessTokenHandler.CreateAsync(db, ApiGroups.AccountId(user), input.Name, input.Lifetime, now, ct); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ConstraintViolation.IsForeignKey(ex)) { return ApiProblems.AccountGone(); }
        return TypedResults.Created($"/api/v1/me/tokens/{created.Summary.Id}", new { token = created.Token, details = View(created.Summary, now) });
    }

    internal static async Task<IResult> RevokeAsync(long id, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct) =>
        await AccessTokenHandler.RevokeAsync(db, ApiGroups.AccountId(user), id, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such token", detail: "You have no token with this id.");

    /// <summary><c>{"name": "…", "expiresInDays": 30 | 90 | 365}</c>, strictly (SPEC §2).</summary>
    internal static NewToken? Read(ObjectReader o)
    {
        var name = o.RequiredText("name", AccessTokenHandler.MaxNameLength);
        var days = o.RequiredInt("expiresInDays", 1, 365);
        TokenLifetime? lifetime = days is { } d && Enum.IsDefined((TokenLifetime)d) ? (TokenLifetime)d : null;
        if (days is not null && lifetime is null) o.Error("expiresInDays", $"must be 30, 90 or 365, not {days}");
        return name is null || lifetime is null ? null : new(name, lifetime.Value);
    }

    private static object View(TokenSummary t, DateTime now) => new
    {
        id = t.Id, name = t.Name, prefix = t.Prefix, createdAtUtc = t.CreatedAtUtc, expiresAtUtc = t.ExpiresAtUtc,
        lastUsedAtUtc = t.LastUsedAtUtc, revokedAtUtc = t.RevokedAtUtc, active = t.IsActive(now),
    };
}
