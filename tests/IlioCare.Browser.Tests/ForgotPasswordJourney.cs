using System.Text.RegularExpressions;
using IlioCare.Web.Tests;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 18's "done when": a patient who forgot their password gets back in, in Chromium, through a mail that a real
/// SMTP server delivered — and the old password no longer works.
/// </summary>
public sealed partial class ForgotPasswordJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string OldPassword = "the first passphrase";
    private const string NewPassword = "a fresh passphrase";

    [Fact]
    public async Task ForgotPassword_FromSignIn_TheMailsLink_SetsANewPassword_AndTheOldOneFails()
    {
        var email = $"forgetful-{Guid.NewGuid():N}@example.com";
        await using (var first = await app.NewContextAsync(width: 360, height: 780))
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync("/sign-up");
            await new SignUpPage(page).SignUpAsync(email, OldPassword, name: "Rui Forgetful");
            await Assertions.Expect(page).ToHaveURLAsync(OnboardingUrl());
        }

        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "forgot-password-360px");
        var browser = journey.Page;
        await browser.GotoAsync("/sign-in");
        await new SignInPage(browser).ForgotPassword.ClickAsync();
        await Assertions.Expect(browser).ToHaveURLAsync(ForgotUrl());
        await journey.CheckAsync("forgot-password");
        await browser.GetByLabel("Email").FillAsync(email);
        await browser.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(browser.GetByText("If this address has an IlioCare account")).ToBeVisibleAsync();

        var mail = await app.Smtp.WaitForAsync(email, "Choose a new IlioCare password");
        await browser.GotoAsync(TestSmtpServer.LinkIn(mail));
        await journey.CheckAsync("reset-password");
        await browser.GetByLabel("New password").FillAsync(NewPassword);
        await browser.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        await Assertions.Expect(browser.GetByText("Your new password is set")).ToBeVisibleAsync();

        var signIn = new SignInPage(browser);
        await signIn.SignInAsync(email, OldPassword);
        await Assertions.Expect(browser.GetByText("That email and password do not match an account.").First).ToBeVisibleAsync();
        await signIn.SignInAsync(email, NewPassword);
        await Assertions.Expect(browser).ToHaveURLAsync(OnboardingUrl());
    }

    [GeneratedRegex("/forgot-password$")] private static partial Regex ForgotUrl();
    [GeneratedRegex("/onboarding$")] private static partial Regex OnboardingUrl();
}
