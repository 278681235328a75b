using System.Net;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Reads that write an audit row ("Dr X looked at your data", F15) only from the app's own pages (issue 13
/// finding 10): a link or an image on another site made a signed-in clinician's browser open a patient's page or
/// export, and the patient's "who looked" list showed a look that never happened. Browsers say where a request
/// came from in <c>Sec-Fetch-Site</c>; <c>same-origin</c> (a click in the app) and <c>none</c> (typed, a bookmark)
/// pass. A request without the header (a script with a token, an old browser) passes too: it is not a browser
/// being steered by another site. A page opened from elsewhere (a link in an e-mail) gets a one-click "Continue"
/// page instead, which writes nothing; the API answers 403.
/// </summary>
internal static class CrossSiteReads
{
    private static readonly string[] s_auditedReads = ["/clinician", "/api/v1/caseload", "/api/v1/patients"];

    public static IApplicationBuilder UseCrossSiteReadGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!IsAuditedRead(request) || IsOwnOrTyped(request.Headers["Sec-Fetch-Site"].ToString()) || request.Headers.Authorization.Count > 0)
        {
            await next(context);
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await IlioCare.Web.Features.AccessTokens.ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request",
                "This read is recorded in the patient's audit log, so it is only answered to the app's own pages or to a script with a token.");
            return;
        }
        var target = WebUtility.HtmlEncode(request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent());
        await PlainPage.CrossSiteAsync(context, target);
    });

    private static bool IsAuditedRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && s_auditedReads.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Absent (not a fetch-metadata browser), <c>same-origin</c> or <c>none</c> (typed, bookmark, the address bar).</summary>
    private static bool IsOwnOrTyped(string site) => site is "" or "same-origin" or "none";
}
