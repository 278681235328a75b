using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Sessions;

/// <summary><c>/api/v1/me/sessions</c>: the signed-in browsers of the account, and "sign out everywhere" (issue 18).</summary>
internal static class SessionEndpoints
{
    private sealed record Confirmed;

    private static Confirmed? ReadConfirm(IlioCare.Clinical.Contracts.ObjectReader r)
    {
        var confirm = r.RequiredBool("confirm");
        if (confirm == false) r.Error("confirm", "must be true to sign out everywhere");
        return confirm == true ? new Confirmed() : null;
    }

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Sessions");
        me.MapGet("/sessions", ListAsync);
        me.MapDelete("/sessions", SignOutEverywhereAsync);
        return app;
    }

    internal static async Task<IResult> ListAsync(HttpContext context, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var sessions = await SessionsHandler.ListAsync(db, ApiGroups.AccountId(user), context.Items[SessionStore.CurrentSessionItem] as string,
            clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(sessions.Select(s => new
        {
            device = s.Device, createdAtUtc = s.CreatedAtUtc, lastSeenAtUtc = s.LastSeenAtUtc, expiresAtUtc = s.ExpiresAtUtc, current = s.IsCurrent,
        }));
    }

    /// <summary>
    /// Takes <c>{"confirm": true}</c>, as ending a care link does: it signs this browser out too, so an empty or
    /// stray request does nothing. 204; the caller's cookie is cleared and every other session fails at once.
    /// </summary>
    internal static async Task<IResult> SignOutEverywhereAsync(HttpRequest request, ClaimsPrincipal user, UserManager<Account> users,
        SignInManager<Account> signIn, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ReadConfirm, ct);
        if (body.Problem is not null) return body.Problem;
        if (await users.FindByIdAsync(ApiGroups.AccountId(user)) is not { } account) return TypedResults.NotFound();
        await SessionsHandler.SignOutEverywhereAsync(users, db, account, clock.GetUtcNow().UtcDateTime, ct);
        if (user.Identity?.AuthenticationType != Hosting.Policies.AccessTokenScheme)
            await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
