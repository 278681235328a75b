using System.Net;
using System.Net.Http.Headers;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16's error pages: the rate limiter's 429 and the "not found" page look like the rest (the stylesheet, the
/// logo, a way home), show the emergency number, and are in Spanish when the browser asks for Spanish.
/// </summary>
public sealed class PlainPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task TooManyAttempts_InSpanish_IsTheStyledPage_WithTheLogo_AWayHome_AndTheEmergencyNumber()
    {
        await using var tight = new TightRateLimitFactory();
        var client = new FormClient(tight);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
            response = await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "nadie@example.com"), F("Form.Password", "contraseña equivocada")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // é and ñ arrive as character references
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Demasiados intentos</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Espera un minuto", html, StringComparison.Ordinal);
        Assert.Contains("class=\"brand\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Volver a la página de inicio</a>", html, StringComparison.Ordinal);
        Assert.Contains("En una emergencia, llama al <strong>112</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Too many", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyAttempts_InEnglish_WithoutALanguageAsked()
    {
        await using var tight = new TightRateLimitFactory();
        var client = new FormClient(tight);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
            response = await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "nobody@example.com"), F("Form.Password", "wrong password")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // é and ñ arrive as character references
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Too many attempts</h1>", html, StringComparison.Ordinal);
        Assert.Contains("In an emergency call <strong>112</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "No encontramos esta página", "Ir a la página de inicio", "En una emergencia, llama al")]
    [InlineData("en", "Page not found", "Go to the home page", "In an emergency call")]
    public async Task NotFound_InTheAskedLanguage_WithAWayHome_AndTheEmergencyNumber(string language, string heading, string home, string emergency)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($">{home}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"{emergency} <a href=\"tel:112\">112</a>", html, StringComparison.Ordinal);
    }
}
