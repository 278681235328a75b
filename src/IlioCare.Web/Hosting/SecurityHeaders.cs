namespace IlioCare.Web.Hosting;

/// <summary>
/// Headers on every response. The CSP allows no inline script or style at all, so pages carry no
/// <c>style=</c> attribute and no inline <c>&lt;script&gt;</c> (RECIPES.md pitfalls).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Health data: keep pages out of shared caches and the back-forward cache of a shared phone.
        // (The same values antiforgery sets, so it does not warn about overriding them.)
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next(context);
    });
}
