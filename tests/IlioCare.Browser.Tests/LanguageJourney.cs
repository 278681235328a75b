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
        // Scripts off: the switch is a plain form post and must work without them. axe needs a script, so the same
        // pages are checked by axe afterwards in a context with scripts on.
        await using (var noScript = await NewSpanishPhoneAsync(javaScript: false))
        {
            var page = await noScript.NewPageAsync();
            await page.GotoAsync("/terms");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Condiciones y seguridad");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");

            var footer = page.GetByRole(AriaRole.Contentinfo);
            await footer.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/terms$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Terms and safety");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            await page.GotoAsync("/");
            await footer.GetByRole(AriaRole.Button, new() { Name = "Español", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("¿Dolor en el flexor de la cadera? Mejora con seguridad en casa.");
        }

        await using var context = await NewSpanishPhoneAsync(javaScript: true);
        var journey = new Journey(await context.NewPageAsync(), "language-360px");
        await journey.Page.GotoAsync("/terms");
        await Assertions.Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await journey.CheckAsync("terms-es");
        await journey.Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await journey.CheckAsync("terms-en");
    }

    private Task<IBrowserContext> NewSpanishPhoneAsync(bool javaScript) => app.Browser.NewContextAsync(new()
    {
        BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 360, Height = 780 }, Locale = "es-ES",
        JavaScriptEnabled = javaScript,
    });
}
