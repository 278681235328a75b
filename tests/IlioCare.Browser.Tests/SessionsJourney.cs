using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>Issue 18: the signed-in sessions on /account, and "sign out everywhere", on a phone (360 px) with axe.</summary>
public sealed partial class SessionsJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Phone_SeesBothSessions_SignsOutEverywhere_AndTheLaptopIsSignedOutToo()
    {
        var email = $"sessions-{Guid.NewGuid():N}@example.com";
        await using var phoneContext = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await phoneContext.NewPageAsync(), "sessions-360px");
        var phone = journey.Page;
        await phone.GotoAsync("/sign-up");
        await new SignUpPage(phone).SignUpAsync(email, "a long enough passphrase");
        await Assertions.Expect(phone).ToHaveURLAsync(OnboardingUrl());

        await using var laptopContext = await app.NewContextAsync();
        var laptop = await laptopContext.NewPageAsync();
        await laptop.GotoAsync("/sign-in");
        await new SignInPage(laptop).SignInAsync(email, "a long enough passphrase");
        await Assertions.Expect(laptop).Not.ToHaveURLAsync(SignInUrl());

        await phone.GotoAsync("/account");
        var sessions = phone.GetByRole(AriaRole.Region, new() { Name = "Where you are signed in" });
        await Assertions.Expect(sessions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Assertions.Expect(sessions.GetByText("(this device)")).ToHaveCountAsync(1);
        await Assertions.Expect(sessions.GetByText("Last used just now").First).ToBeVisibleAsync();
        await sessions.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ScrollIntoViewIfNeededAsync();
        await journey.CheckAsync("account-sessions");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/account scrolls sideways at 360 px");

        await sessions.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out on every device");
        await journey.CheckAsync("signed-out-everywhere");

        await laptop.GotoAsync("/account");
        await Assertions.Expect(laptop).ToHaveURLAsync(SignInUrl());
        await phone.GotoAsync("/account");
        await Assertions.Expect(phone).ToHaveURLAsync(SignInUrl());
    }

    [GeneratedRegex("/onboarding$")]
    private static partial Regex OnboardingUrl();

    [GeneratedRegex("/sign-in(\\?|$)")]
    private static partial Regex SignInUrl();
}
