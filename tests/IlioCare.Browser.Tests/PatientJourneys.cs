using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>Journeys of issue 3 through a real browser; run one at a time (2 cores, RECIPES.md).</summary>
public sealed partial class PatientJourneys(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task NewUser_WithFever_SeesTheUrgentScreen_OnAPhone()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "urgent-fever-360px");
        var page = journey.Page;

        await page.GotoAsync("/");
        await journey.CheckAsync("home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the self-assessment" }).ClickAsync();

        var assessment = new AssessmentPage(page);
        await journey.CheckAsync("assessment");
        await assessment.AnswerAsync(age: 29, side: "Right", days: 3, painNow: 4, painWorst: 6);
        await assessment.TickWarningSignAsync("A fever (38 °C or higher)");
        await assessment.SubmitAsync();

        var result = new ResultPage(page);
        await Assertions.Expect(result.Heading).ToHaveTextAsync("See a doctor within 24 hours");
        await Assertions.Expect(result.EmergencyNumber("112")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("See a doctor first.")).ToBeVisibleAsync();
        await Assertions.Expect(result.StartProgram).ToHaveCountAsync(0);
        await journey.CheckAsync("urgent-result");
    }

    [Fact]
    public async Task NewUser_WithOverusePain_SignsUp_Onboards_AndLandsOnToday()
    {
        await using var context = await app.NewContextAsync();
        var journey = new Journey(await context.NewPageAsync(), "overuse-sign-up");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 34, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Where does it hurt? Tick all that apply.", "Front of the hip");
        await assessment.TickAsync("What makes it worse? Tick all that apply.", "Climbing stairs");
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();

        var result = new ResultPage(page);
        await Assertions.Expect(result.Heading).ToHaveTextAsync("You can start with self-care");
        await journey.CheckAsync("self-care-result");
        await result.StartProgram.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SignUpUrl());
        var signUp = new SignUpPage(page);
        await Assertions.Expect(page.GetByText("We keep your self-assessment answers")).ToBeVisibleAsync();
        await journey.CheckAsync("sign-up");
        await signUp.SignUpAsync($"runner-{Guid.NewGuid():N}@example.com", "a long enough passphrase");

        await Assertions.Expect(page).ToHaveURLAsync(OnboardingUrl());
        await journey.CheckAsync("onboarding");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 150, timeZone: "Europe/Berlin", sessionTime: "18:30");

        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
        await Assertions.Expect(page.GetByText("Phase: restore")).ToBeVisibleAsync();
        await journey.CheckAsync("today");
        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await journey.CheckAsync("account");
    }

    [GeneratedRegex("/sign-up\\?assessment=")] private static partial Regex SignUpUrl();
    [GeneratedRegex("/onboarding$")] private static partial Regex OnboardingUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
}
