using System.Net;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Hosting;

/// <summary>
/// A page written outside Blazor (the 429 of the rate limiter, the cross-site "Continue"), in the site's style
/// and with the footer every page has: the emergency number (issue 13 finding 10: the 429 was bare text).
/// </summary>
internal static class PlainPage
{
    public static Task WriteAsync(HttpContext context, int status, string title, string bodyHtml, CancellationToken ct = default)
    {
        var services = context.RequestServices;
        var css = StaticAssets.Versioned(services.GetRequiredService<IWebHostEnvironment>(), "site.css");
        var emergency = WebUtility.HtmlEncode(services.GetRequiredService<IOptions<SafetyOptions>>().Value.EmergencyNumber);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · IlioCare</title><link rel="stylesheet" href="{css}"></head>
            <body><header class="site-header"><a href="/">IlioCare</a></header>
            <main id="main" tabindex="-1"><h1>{WebUtility.HtmlEncode(title)}</h1>{bodyHtml}</main>
            <footer class="site-footer"><p>IlioCare supports self-management of hip-flexor pain. It does not diagnose.
            In an emergency call <strong>{emergency}</strong>.</p></footer></body></html>
            """, ct);
    }
}
