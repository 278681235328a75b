using System.Globalization;
using System.Net;
using IlioCare.Web.Components.Layout;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The pages written outside Blazor — the rate limiter's 429, the database's 503, the cross-site "Continue" — in the
/// site's style, with its logo, a way home and the emergency number (issue 13 finding 10: the 429 was bare text;
/// issue 16: in the reader's language). Their words are in <c>Resources/Hosting/PlainPage.es.resx</c>.
/// </summary>
internal sealed class PlainPage
{
    private PlainPage() { }

    /// <summary>Too many sign-in or sign-up posts (the rate limiter's rejection, AccountSetup).</summary>
    public static Task TooManyAttemptsAsync(HttpContext context, CancellationToken ct) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, L => (L["Too many attempts"],
            Paragraph(L["You have tried this too many times in a short time. Wait a minute, then try again."])
            + HelpNow(context, L) + HomeLink(L)), ct);

    /// <summary>The database cannot be reached (DatabaseUnavailable): a passing state, said plainly, with the warning signs.</summary>
    public static Task UnavailableAsync(HttpContext context, CancellationToken ct) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, L => (L["Try again in a moment"],
            Paragraph(L["IlioCare cannot reach its records just now. This usually passes within seconds."])
            + Paragraph(L["If you were saving something, open the page again in a moment to see whether it was kept before you send it again."])
            + $"""<div class="card card-action urgent-now"><p>{Encode(L["Do not wait for IlioCare if you have a warning sign (a fever, chills, red warm skin over the hip or groin, numbness or weakness in a leg, new trouble controlling your bladder or bowels, or you cannot put weight on the leg): see a doctor today."])}</p>"""
            + HelpNow(context, L) + "</div>" + HomeLink(L)), ct);

    /// <summary>An audited read that came from another website (CrossSiteReads): one click to confirm.</summary>
    public static Task CrossSiteAsync(HttpContext context, string encodedTarget) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, L => (L["Continue to IlioCare"],
            Paragraph(L["You came here from another website. Opening a patient's data is written in their record of who looked, so please confirm."])
            + $"""<p><a class="button primary" href="{encodedTarget}">{Encode(L["Continue"])}</a></p>"""), default);

    private static async Task WriteAsync(HttpContext context, int status, Func<IStringLocalizer<PlainPage>, (string Title, string Body)> content, CancellationToken ct)
    {
        var services = context.RequestServices;
        // The culture the request-localization middleware chose. Read from the request, not the thread: the exception
        // handler (503) runs outside the middleware that set it.
        var previous = CultureInfo.CurrentUICulture;
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture is { } culture)
            CultureInfo.CurrentUICulture = culture;
        try
        {
            var L = services.GetRequiredService<IStringLocalizer<PlainPage>>();
            var (title, body) = content(L);
            var css = StaticAssets.Versioned(services.GetRequiredService<IWebHostEnvironment>(), "site.css");
            var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{Encode(title)} · IlioCare</title><link rel="stylesheet" href="{css}"></head>
                <body><a class="skip-link" href="#main">{Encode(L["Skip to main content"])}</a>
                <header class="site-header"><a class="brand" href="/">{BrandMark.Svg}<span>IlioCare</span></a></header>
                <main id="main" tabindex="-1"><h1>{Encode(title)}</h1>{body}</main>
                <footer class="site-footer"><p>{Encode(L["IlioCare supports self-management of hip-flexor pain. It does not diagnose."])}
                {Encode(L["In an emergency call"])} <strong>{Emergency(context)}</strong>.</p></footer></body></html>
                """, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string HelpNow(HttpContext context, IStringLocalizer<PlainPage> L) =>
        $"""<p class="call">{Encode(L["In an emergency call"])} <a href="tel:{Emergency(context)}">{Emergency(context)}</a></p>""";

    private static string HomeLink(IStringLocalizer<PlainPage> L) => $"""<p><a href="/">{Encode(L["Back to the home page"])}</a></p>""";

    private static string Paragraph(string text) => $"<p>{Encode(text)}</p>";

    private static string Emergency(HttpContext context) =>
        Encode(context.RequestServices.GetRequiredService<IOptions<SafetyOptions>>().Value.EmergencyNumber);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
