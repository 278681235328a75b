using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// The language (issue 16) in a real browser at 360 px: a Spanish phone gets Spanish pages, and the footer's switch
/// (a plain form, no script) changes the language and comes back to the same page; axe on each.
/// </summary>
public sealed class LanguageJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task SpanishPhone_ReadsSpanish_AndTheFooterSwitchesToEnglishAndBack_OnTheSamePage()
    {
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 360, Height = 780 }, Locale = "es-ES",
            JavaScriptEnabled = false, // the switch is a form post: it must work without a script
        });
        var journey = new Journey(await context.NewPageAsync(), "language-360px");
        var page = journey.Page;

        await page.GotoAsync("/terms");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Condiciones y seguridad");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await journey.CheckAsync("terms-es");

        var footer = page.GetByRole(AriaRole.Contentinfo);
        await footer.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/terms$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Terms and safety");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await journey.CheckAsync("terms-en");

        await page.GotoAsync("/");
        await footer.GetByRole(AriaRole.Button, new() { Name = "Español", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("¿Dolor en el flexor de la cadera? Mejora con seguridad en casa.");
        await journey.CheckAsync("home-es");
    }
}
