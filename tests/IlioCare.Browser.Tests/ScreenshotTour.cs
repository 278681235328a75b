using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using IlioCare.Data;
using IlioCare.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OtpNet;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 16's look: every main page at a phone's width (360 px) and a desktop's (1440 px), in English and in Spanish,
/// each checked by axe and saved as TestResults/screenshots/&lt;lang&gt;-&lt;width&gt;-&lt;page&gt;.png under the test
/// output, for a person to look at. The people (a patient with 8 weeks of history, a paused patient, a clinician
/// following the first) are set up once in English; each visit is a fresh context with their cookies and a language.
/// </summary>
public sealed partial class ScreenshotTour(AppServer app) : IClassFixture<AppServer>
{
    private const string Password = "a long enough passphrase";
    private const string ClinicianPassword = "clinician pass phrase";
    private static readonly (string Lang, string Locale)[] Languages = [("en", "en-GB"), ("es", "es-ES")];
    private static readonly int[] Widths = [360, 1440];

    [Fact]
    public async Task EveryMainPage_AtPhoneAndDesktopWidth_InEnglishAndSpanish_PassesAxe_AndIsSaved()
    {
        EightWeekHistory.MoveToMonday(app.Clock);
        var (patient, resultUrl) = await PatientWithHistoryAsync();
        var paused = await PausedPatientAsync();
        var (clinician, patientUrl) = await ClinicianFollowingAsync(patient.Email, patient.InviteCode);

        (string Name, string Url, string? State)[] pages =
        [
            ("home", "/", null), ("learn", "/learn", null), ("learn-when-to-see-a-doctor", "/learn/when-to-see-a-doctor", null),
            ("library", "/library", null), ("exercise", "/library/seated-marching", null), ("sign-in", "/sign-in", null),
            ("sign-up", "/sign-up", null), ("assessment", "/assessment", null), ("not-found", "/no-such-page", null),
            ("assessment-result", resultUrl, patient.State), ("today", "/today", patient.State), ("check-in", "/check-in", patient.State),
            ("session-player", "/today/session", patient.State), ("progress", "/progress", patient.State), ("program", "/program", patient.State),
            ("summary", "/summary", patient.State), ("account", "/account", patient.State), ("care-team", "/care", patient.State),
            ("paused", "/program/paused", paused), ("today-paused", "/today", paused),
            ("caseload", "/clinician", clinician), ("clinician-patient", patientUrl, clinician),
        ];
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); // this run's pictures only
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        foreach (var (lang, locale) in Languages)
            foreach (var width in Widths)
                foreach (var (name, url, state) in pages)
                {
                    await using var context = await app.Browser.NewContextAsync(new()
                    {
                        BaseURL = app.BaseUrl, BypassCSP = true, Locale = locale, StorageState = state,
                        ViewportSize = new() { Width = width, Height = width < 1000 ? 800 : 900 },
                    });
                    // The accounts signed up in English, and an account's saved language outranks the browser's, so the
                    // Spanish pass chooses Spanish as the footer switch does: with the culture cookie.
                    await context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = $"c={lang}|uic={lang}", Url = app.BaseUrl }]);
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(url);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{lang}-{width}-{name}.png"), FullPage = true });
                    Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
                    if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                        failures.Add($"{lang} {width} {name}: scrolls sideways");
                    var axe = await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
                    failures.AddRange(axe.Violations.Select(v =>
                        $"{lang} {width} {name}: {v.Id} [{v.Impact}] {v.Help}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
                }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The patient of most pages: assessed, signed up, confirmed, 8 weeks of check-ins and sessions, an invite code made.</summary>
    private async Task<((string Email, string State, string InviteCode) Patient, string ResultUrl)> PatientWithHistoryAsync()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"tour-{Guid.NewGuid():N}@example.com";
        var resultUrl = await AssessAndSignUpAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.InDatabaseAsync(async db => { await EightWeekHistory.SeedAsync(db, accountId, EightWeekHistory.Today(app.Clock), functionalScale: true); return 0; });
        // Today's check-in done: Today shows the session, and the player opens.
        var checkIn = new CheckInPageObject(page);
        await checkIn.OpenAsync();
        await checkIn.AnswerAsync(painMorning: 1, stiffness: 5, painNow: 1);
        await page.Locator("#warningSigns-none").CheckAsync();
        await checkIn.SaveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SavedUrl());
        var verify = await app.Smtp.WaitForAsync(email, "Confirm your e-mail address");
        await page.GotoAsync(TestSmtpServer.LinkIn(verify));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Assertions.Expect(page.GetByText("your e-mail address is confirmed")).ToBeVisibleAsync();
        await page.GotoAsync("/care");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a code for my clinician" }).ClickAsync();
        var code = (await page.Locator("#invite-code").InnerTextAsync()).Trim();
        return ((email, await context.StorageStateAsync(), code), new Uri(resultUrl).PathAndQuery);
    }

    /// <summary>A patient whose check-in reported a fever: the program is paused for a warning sign.</summary>
    private async Task<string> PausedPatientAsync()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await AssessAndSignUpAsync(page, $"tour-paused-{Guid.NewGuid():N}@example.com");
        var checkIn = new CheckInPageObject(page);
        await checkIn.OpenAsync();
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("A fever (38 °C or higher)");
        await checkIn.SaveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        return await context.StorageStateAsync();
    }

    /// <summary>A clinician as the operator makes one, with two-factor on and their own password, following the first patient.</summary>
    private async Task<(string State, string PatientUrl)> ClinicianFollowingAsync(string patientEmail, string inviteCode)
    {
        var email = $"tour-dr-{Guid.NewGuid():N}@example.com";
        await app.CreateStaffAsync(Roles.Clinician, email, "Dr Ana Silva", ClinicianPassword);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ClinicianPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(Code(key, 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("li code").First).ToBeVisibleAsync();
        // Signed in afresh with the second factor (a code of the next step: each is accepted once), then the own password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ClinicianPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Code(key, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ChangePasswordUrl());
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(ClinicianPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("the clinician's own phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your new password is saved")).ToBeVisibleAsync();
        await page.GotoAsync("/clinician/link");
        await page.GetByLabel("Patient's code").FillAsync(inviteCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link patient" }).ClickAsync();
        await page.GotoAsync("/clinician");
        await page.Locator(".caseload-row").Filter(new() { HasText = patientEmail }).GetByRole(AriaRole.Link, new() { Name = "Sam Rivers" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PatientUrl());
        return (await context.StorageStateAsync(), new Uri(page.Url).PathAndQuery);
    }

    /// <summary>Assessment → result → sign-up → onboarding; the result's address.</summary>
    private static async Task<string> AssessAndSignUpAsync(IPage page, string email)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 34, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        var resultUrl = page.Url;
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, Password);
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 180, timeZone: "Europe/Paris", sessionTime: "18:30");
        return resultUrl;
    }

    /// <summary>An authenticator's code for the 30-second step <paramref name="ahead"/> steps from now (RFC 6238).</summary>
    private static string Code(string base32Key, int ahead) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * ahead));

    [GeneratedRegex("/account#change-password$")] private static partial Regex ChangePasswordUrl();
    [GeneratedRegex("/check-in\\?saved=1$")] private static partial Regex SavedUrl();
    [GeneratedRegex("/program/paused")] private static partial Regex PausedUrl();
    [GeneratedRegex("/clinician/patients/")] private static partial Regex PatientUrl();
}
