using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// SPEC §8: the app keeps no state in memory, so two instances behind a proxy serve one database. Instance B
/// is a second app (own DI container, own key-ring cache) that shares only the database with instance A; one
/// browser (one cookie jar) goes from A to B as a proxy may send it.
/// </summary>
public sealed class SeveralInstancesTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task SignedInThroughA_ContinuesThroughB_PagesAndFormPostsWithAsToken()
    {
        var browser = new CookieContainer();
        var a = new FormClient(factory.CreateDefaultClient(new CookieContainerHandler(browser)));
        await Patients.OnboardAsync(a, "two-instances@example.com"); // sign-up signs in: the cookie comes from A

        await using var second = factory.AnotherInstance();
        var b = new FormClient(second.CreateDefaultClient(new CookieContainerHandler(browser)));

        // B reads A's authentication cookie: it unprotects it with the key A wrote to the database.
        var today = await b.GetAsync("/today");
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        Assert.Contains("<main id=\"main\"", await today.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by A (its antiforgery token) is posted to B and accepted: the profile changes.
        var token = await TokenOnAsync(a, "/onboarding");
        var onboarding = await b.Http.PostAsync("/onboarding", new FormUrlEncodedContent(
        [
            F("__RequestVerificationToken", token), F("_handler", "onboarding"),
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "180"),
            F("Form.TimeZone", "Europe/Berlin"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "yes"),
        ]));
        Assert.Equal("/today", PathOf(onboarding));
        var zone = await second.InDatabaseAsync(db => db.PatientProfiles
            .Where(p => p.AccountId == db.Users.Single(u => u.Email == "two-instances@example.com").Id)
            .Select(p => p.TimeZoneId).SingleAsync());
        Assert.Equal("Europe/Berlin", zone);

        // Sign out through B with a token from A's account page; then neither instance knows the browser.
        var signOut = await b.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([F("__RequestVerificationToken", await TokenOnAsync(a, "/account"))]));
        Assert.Equal("/", PathOf(signOut));
        Assert.Equal(HttpStatusCode.Redirect, (await a.GetAsync("/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await b.GetAsync("/today")).StatusCode);
    }

    /// <summary>Issue 18: sessions live in the shared database, so both instances list them and an end is seen by both at once.</summary>
    [Fact]
    public async Task Sessions_AreShared_AndSigningOutEverywhereOnB_EndsACookieOnAAtOnce()
    {
        var phone = new Browser(factory);
        await Patients.OnboardAsync(phone.Client, "two-instances-sessions@example.com"); // signed in through A
        await using var second = factory.AnotherInstance();
        var laptop = new Browser(second, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15");
        Assert.Equal("/today", PathOf(await laptop.Client.PostFormAsync("/sign-in", "sign-in",
            [F("Form.Email", "two-instances-sessions@example.com"), F("Form.Password", Patients.Password)]))); // signed in through B

        var copyOnA = Thief.With(factory, phone.SignInCookie());
        var listedByA = await ApiClients.JsonAsync(await copyOnA.GetAsync("/api/v1/me/sessions"));
        Assert.Equal(["Firefox on Linux", "Safari on Mac"], listedByA.EnumerateArray().Select(x => x.GetProperty("device").GetString()!).Order(StringComparer.Ordinal));
        var listedByB = await ApiClients.JsonAsync(await Thief.With(second, phone.SignInCookie()).GetAsync("/api/v1/me/sessions"));
        Assert.Equal(2, listedByB.GetArrayLength());

        var everywhere = await laptop.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/sessions") { Content = ApiClients.Json("""{"confirm":true}""") });
        Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        await Thief.AssertRefusedAsync(copyOnA);
        await Thief.AssertRefusedAsync(Thief.With(second, phone.SignInCookie()));
    }

    [Fact]
    public async Task TwoInstances_ReadTheSameDataProtectionKeyRing()
    {
        _ = factory.Services; // A starts first and migrates (and writes a key if the database had none)
        await using var second = factory.AnotherInstance();
        var payload = factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("test").Protect("written by A");
        var read = second.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("test").Unprotect(payload);
        Assert.Equal("written by A", read);
    }

    private static async Task<string> TokenOnAsync(FormClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = Token().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
