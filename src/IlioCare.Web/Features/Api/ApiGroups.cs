using System.Security.Claims;
using IlioCare.Web.Features.AccessTokens;

namespace IlioCare.Web.Features.Api;

/// <summary>
/// The shape every <c>/api/v1/me</c> feature maps into (F16): signed in (cookie or token), the caller's own data
/// only (the id comes from the identity, never from the request), JSON bodies only. Antiforgery is off because a
/// cross-site form cannot send <c>application/json</c>, and any other body type is refused with 415 here.
/// </summary>
internal static class ApiGroups
{
    public static RouteGroupBuilder Me(IEndpointRouteBuilder app, string tag) => Group(app, "/api/v1/me", tag);

    /// <summary>The same conventions on <c>/api/v1</c> itself, for <c>GET /api/v1/me</c> (a group's "" route would end in a slash).</summary>
    public static RouteGroupBuilder V1(IEndpointRouteBuilder app, string tag) => Group(app, "/api/v1", tag);

    private static RouteGroupBuilder Group(IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag).RequireAuthorization().DisableAntiforgery();
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var request = invocation.HttpContext.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && request.ContentType is not null && !request.HasJsonContentType())
                return UnsupportedMediaType();
            // A body-less POST with the browser's cookie (POST /me/invites, /me/calendar-feed) must still say JSON:
            // a page on a sibling site (same-site, so the Lax cookie goes along) cannot set that type without a
            // CORS preflight (issue 13 finding 10). A script with a token needs no type for an empty body.
            if (HttpMethods.IsPost(request.Method) && request.ContentType is null && request.Headers.Authorization.Count == 0)
                return UnsupportedMediaType();
            return await next(invocation);
        });
        return group;
    }

    /// <summary>The signed-in account's id (Identity's cookie and the token scheme both carry it).</summary>
    public static string AccountId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("an authorised request without an account id");

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
            detail: "The body must be a JSON object with Content-Type: application/json.");
}
