using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IlioCare.Web.Tests;

/// <summary>
/// A browser without a browser: keeps cookies, and posts a page's form with the hidden fields the page
/// rendered (the antiforgery token and Blazor's <c>_handler</c> form name), as a real form post would.
/// </summary>
public sealed partial class FormClient(HttpClient http)
{
    public FormClient(WebApplicationFactory<Program> factory)
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
    {
    }

    /// <summary>The client: it keeps cookies and does not follow redirects.</summary>
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>GETs <paramref name="page"/>, then posts the form named <paramref name="formName"/> to <paramref name="action"/> (default: the page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string formName, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await (await Http.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var body = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
            new("_handler", formName),
        };
        body.AddRange(fields);
        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(body));
    }

    /// <summary>
    /// GETs the page's antiforgery token now and returns the post, to send later: for tests that fire several
    /// posts at the same moment (concurrency), without the GETs spreading them out.
    /// </summary>
    public async Task<Func<Task<HttpResponseMessage>>> PreparePostAsync(string page, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await Http.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var body = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
            new("_handler", formName),
        };
        body.AddRange(fields);
        return () => Http.PostAsync(page, new FormUrlEncodedContent(body));
    }

    /// <summary>Follows one redirect (the app's own Location) and returns the page.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return await Http.GetAsync(redirect.Headers.Location);
    }

    /// <summary>Where a redirect points, as a local path ("/today"), whether the app wrote it absolute or not.</summary>
    public static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    internal static partial Regex Token();
}
