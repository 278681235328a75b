using System.Net;
using System.Text.RegularExpressions;

namespace IlioCare.Web.Tests;

/// <summary>
/// What Lighthouse and the page weights flagged (issue 7): the files in wwwroot are cached by the browser at
/// versioned addresses and revalidated otherwise (H85), pages stay out of every cache (H86), and every page
/// names its icon and a description; robots.txt exists.
/// </summary>
public sealed partial class StaticAssetTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Stylesheet_AtTheAddressThePageGives_IsCachedForAYear()
    {
        var client = factory.CreateClient();
        var href = Stylesheet().Match(await client.GetStringAsync("/")).Groups[1].Value;
        Assert.Matches("^/site\\.css\\?v=[0-9a-f]{16}$", href);

        var css = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        Assert.False(css.Headers.Contains("Pragma"));
    }

    [Theory]
    [InlineData("/site.css")] // a bare address: an old bookmark, a proxy, a hand-written link
    [InlineData("/site.css?v=0123456789abcdef")] // last release's address answered by this release's file
    [InlineData("/img/exercises/hip-raise-start.svg")]
    public async Task AFile_NotAtItsCurrentVersion_IsRevalidatedEveryTime(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.NoCache, $"expected no-cache, got {cache}");
        Assert.False(cache.NoStore);
        Assert.Null(cache.MaxAge);
        Assert.NotNull(response.Headers.ETag); // revalidation costs a 304, not the file
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/api/v1/me")]
    public async Task PagesAndApiAnswers_StayOutOfEveryCache(string path)
    {
        // H86: the long cache lifetime is for wwwroot files only; a page or an answer may carry health data.
        var patient = new FormClient(factory);
        await Patients.OnboardAsync(patient, $"cache-{Guid.NewGuid():N}@example.com");
        var response = await patient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore, $"{path}: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/assessment")]
    [InlineData("/library/hip-raise")]
    [InlineData("/no-such-page")]
    public async Task EveryPage_HasOneDescription_AndItsIcon(string path)
    {
        var client = factory.CreateClient();
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        var descriptions = Description().Matches(html);
        Assert.Single(descriptions);
        Assert.True(descriptions[0].Groups[1].Value.Length > 50, "the description says what IlioCare is");

        var icon = Icon().Match(html);
        Assert.True(icon.Success, "no <link rel=\"icon\"> (browsers then ask for /favicon.ico and log a 404)");
        var file = await client.GetAsync(WebUtility.HtmlDecode(icon.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/svg+xml", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RobotsTxt_KeepsCrawlersOffSignedInPagesAndTheApi()
    {
        // Lighthouse's robots-txt audit fetches it; without one the not-found page answered.
        var response = await factory.CreateClient().GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var rules = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Contains("User-agent: *", rules);
        foreach (var area in new[] { "/api/", "/today", "/progress", "/clinician", "/admin", "/account", "/assessment/" })
            Assert.Contains($"Disallow: {area}", rules);
        Assert.DoesNotContain("Disallow: /", rules); // the public pages stay findable
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex Description();

    [GeneratedRegex("<link rel=\"icon\" href=\"([^\"]+)\"")]
    private static partial Regex Icon();
}
