using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>The OpenAPI document and the local Scalar UI (F16).</summary>
public sealed partial class ApiDocsTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task OpenApiDocument_Parses_AndListsEveryApiV1Route_AndNothingElse()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Constraints().Replace(e.RoutePattern.RawText!, "}")}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(mapped);
        Assert.Contains("POST /api/v1/assessments", mapped);
        Assert.Contains("DELETE /api/v1/me/tokens/{id}", mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.All(documented, d => Assert.Contains(" /api/v1/", d, StringComparison.Ordinal)); // no pages, no form posts
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("AccessToken", out _));
    }

    [Fact]
    public async Task ScalarUi_LoadsFromThisApp_WithItsOwnPolicy_AndNoOutsideUrls()
    {
        var client = factory.CreateClient();
        var page = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        // Every script on the page carries this response's nonce, and the scripts it loads are served here.
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value), s => Assert.Contains($"nonce=\"{nonce}\"", s, StringComparison.Ordinal));
        foreach (Match src in Regex.Matches(html, "<script src=\"([^\"]+)\""))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/" + src.Groups[1].Value)).StatusCode);

        // The strict policy stays on the pages.
        var home = await client.GetAsync("/");
        Assert.DoesNotContain("unsafe-inline", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraints();
}
