using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace IlioCare.Web.Tests;

/// <summary>
/// A browser whose cookie jar the test can read, and the thief who copied its sign-in cookie (issue 18): the copy
/// is sent by hand on a client that keeps no cookies, so nothing the app answers can update or clear it.
/// </summary>
internal sealed class Browser
{
    public const string CookieName = "iliocare";

    private readonly CookieContainer _jar = new();

    public Browser(WebApplicationFactory<Program> factory, string userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0")
    {
        var http = factory.CreateDefaultClient(new CookieContainerHandler(_jar));
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        Client = new FormClient(http);
    }

    public FormClient Client { get; }

    public HttpClient Http => Client.Http;

    /// <summary>The sign-in cookie's value as the browser holds it now.</summary>
    public string SignInCookie() =>
        _jar.GetCookies(new Uri("http://localhost"))[CookieName]?.Value ?? throw new InvalidOperationException("this browser holds no sign-in cookie");
}

internal static class Thief
{
    /// <summary>A cookieless client that sends <paramref name="cookie"/> as the sign-in cookie on every request.</summary>
    public static HttpClient With(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{Browser.CookieName}={cookie}");
        return client;
    }

    /// <summary>The copied cookie still works: the API knows the account and a page opens.</summary>
    public static async Task AssertWorksAsync(HttpClient thief)
    {
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/today")).StatusCode);
    }

    /// <summary>The copied cookie is dead: 401 problem details from the API, a redirect to sign-in from a page.</summary>
    public static async Task AssertRefusedAsync(HttpClient thief)
    {
        var api = await thief.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var page = await thief.GetAsync("/today");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", FormClient.PathOf(page), StringComparison.Ordinal);
    }
}
