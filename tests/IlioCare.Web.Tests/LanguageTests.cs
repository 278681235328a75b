using System.Net;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// The language is chosen by the browser's Accept-Language, switched in the footer or on /account, and remembered per
/// account (issue 16): a second phone signs in to the language chosen on the first.
/// </summary>
public sealed class LanguageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static FormClient Spanish(FormClient client)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        return client;
    }

    private Task<string?> SavedAsync(string email) =>
        factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());

    private static async Task<HttpResponseMessage> SwitchAsync(FormClient client, string page, string language, string? returnUrl = null) =>
        await client.PostFormAsync(page, "", [F("language", language), F("returnUrl", returnUrl ?? page)], action: "/language");

    private static bool SetsCultureCookie(HttpResponseMessage response, string language) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains($"uic%3D{language}", StringComparison.Ordinal));

    [Fact]
    public async Task SignUp_StoresTheLanguageThePageWasShownIn()
    {
        await Patients.SignUpAsync(Spanish(new FormClient(factory)), "lang-signup-es@example.com");
        await Patients.SignUpAsync(new FormClient(factory), "lang-signup-en@example.com");
        Assert.Equal("es", await SavedAsync("lang-signup-es@example.com"));
        Assert.Equal("en", await SavedAsync("lang-signup-en@example.com"));
    }

    [Fact]
    public async Task FooterSwitch_SignedIn_SavesToTheAccountAndTheBrowser_ReturnsToThePage_AndASecondPhoneSignsInToIt()
    {
        var phone = new FormClient(factory);
        await Patients.SignUpAsync(phone, "lang-switch@example.com");
        var footer = await (await phone.GetAsync("/account")).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"es\"", footer, StringComparison.Ordinal);
        Assert.Contains("Español", footer, StringComparison.Ordinal);

        var switched = await SwitchAsync(phone, "/account", "es");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account", PathOf(switched));
        Assert.True(SetsCultureCookie(switched, "es"));
        Assert.Equal("es", await SavedAsync("lang-switch@example.com"));
        var page = await (await phone.FollowAsync(switched)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", page, StringComparison.Ordinal);
        Assert.Contains("Tu cuenta", page, StringComparison.Ordinal);

        // Another phone whose browser asks for English: the sign-in sets the account's language.
        var second = new FormClient(factory);
        second.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await Patients.SignInAsync(second, "lang-switch@example.com");
        var there = await (await second.GetAsync("/account")).Content.ReadAsStringAsync();
        Assert.Contains("Tu cuenta", there, StringComparison.Ordinal);

        // And back to English from the footer of any page.
        var back = await SwitchAsync(second, "/account", "en");
        Assert.Equal("en", await SavedAsync("lang-switch@example.com"));
        Assert.Contains("Your account", await (await second.FollowAsync(back)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FooterSwitch_SignedOut_OnlyTheBrowserRemembers_AndThePageFollows()
    {
        var browser = new FormClient(factory);
        var switched = await SwitchAsync(browser, "/terms", "es");
        Assert.Equal("/terms", PathOf(switched));
        Assert.True(SetsCultureCookie(switched, "es"));
        var page = await (await browser.FollowAsync(switched)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ES")]
    [InlineData("es-MX")]
    [InlineData("")]
    public async Task FooterSwitch_AValueNotOffered_Is400NamingTheField_AndStoresNothing(string language)
    {
        var email = $"lang-bad-{Guid.NewGuid():N}@example.com";
        var phone = new FormClient(factory);
        await Patients.SignUpAsync(phone, email);
        var refused = await SwitchAsync(phone, "/account", language);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await ApiClients.ValidationErrorsAsync(refused);
        Assert.True(errors.ContainsKey("language"));
        Assert.False(SetsCultureCookie(refused, "fr") || SetsCultureCookie(refused, "es") || SetsCultureCookie(refused, "en"));
        Assert.Equal("en", await SavedAsync(email));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("")]
    public async Task FooterSwitch_AReturnPathOfAnotherSite_GoesHome(string returnUrl)
    {
        var switched = await SwitchAsync(new FormClient(factory), "/terms", "es", returnUrl);
        Assert.Equal("/", PathOf(switched));
    }

    [Fact]
    public async Task FooterSwitch_WithoutTheAntiforgeryToken_IsRefused()
    {
        var refused = await new FormClient(factory).Http.PostAsync("/language",
            new FormUrlEncodedContent([F("language", "es"), F("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(SetsCultureCookie(refused, "es"));
    }

    [Fact]
    public async Task AccountPage_LanguageSection_SavesTheChoice_AndNamesTheFieldOfABadOne()
    {
        var phone = new FormClient(factory);
        await Patients.SignUpAsync(phone, "lang-section@example.com");
        var bad = await phone.PostFormAsync("/account", "language", [F("Form.Language", "klingon")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Language: Choose English or Español.", html, StringComparison.Ordinal);
        Assert.Equal("en", await SavedAsync("lang-section@example.com"));

        var saved = await phone.PostFormAsync("/account", "language", [F("Form.Language", "es")]);
        Assert.Equal("/account", PathOf(saved)); // and the "#language-section" fragment
        Assert.True(SetsCultureCookie(saved, "es"));
        Assert.Equal("es", await SavedAsync("lang-section@example.com"));
    }

    [Fact]
    public async Task SignedInWithoutACultureCookie_TheAccountsLanguageWinsOverAcceptLanguage()
    {
        var phone = new FormClient(factory);
        phone.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await phone.PostFormAsync("/sign-up", "sign-up", Patients.SignUpFields("lang-provider@example.com"));
        // An account from before languages were kept: its sign-in sets no culture cookie.
        await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "lang-provider@example.com")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, (string?)null)));
        await Patients.SignInAsync(phone, "lang-provider@example.com");
        await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "lang-provider@example.com")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "es")));
        var page = await (await phone.GetAsync("/account")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", page, StringComparison.Ordinal);

        // Signed out, the browser's language again.
        var signedOut = await (await new FormClient(factory).GetAsync("/terms")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", signedOut, StringComparison.Ordinal);
    }
}
