using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>The daily check-in page as a patient sees it.</summary>
public sealed class CheckInPageObject(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/check-in");

    public async Task AnswerAsync(int painMorning, int stiffness, int painNow)
    {
        await new PainScaleControl(page, "Pain this morning").ChooseAsync(painMorning);
        await page.GetByLabel("Morning stiffness, in minutes").FillAsync($"{stiffness}");
        await new PainScaleControl(page, "Pain right now").ChooseAsync(painNow);
    }

    public Task TickWarningSignAsync(string sign) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Is any of these new since your last check-in? Tick all that apply." })
            .GetByRole(AriaRole.Checkbox, new() { Name = sign, Exact = true }).CheckAsync();

    public Task SportAsync(string sport, int minutes) => page.GetByLabel(sport, new() { Exact = true }).FillAsync($"{minutes}");

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }).ClickAsync();
}

/// <summary>Check-in journeys (F3, F8); one at a time on 2 cores.</summary>
public sealed partial class CheckInJourneys(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task SignedInPatient_ChecksInWithAWarningSign_LandsOnThePausedScreen()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "check-in-warning-sign-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 41, side: "Right", days: 12, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync($"checkin-{Guid.NewGuid():N}@example.com", "a long enough passphrase");
        await Assertions.Expect(page).ToHaveURLAsync(OnboardingUrl());
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 120, timeZone: "Europe/Paris", sessionTime: "07:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());

        var checkIn = new CheckInPageObject(page);
        await checkIn.OpenAsync();
        await Assertions.Expect(page.GetByText("No sport yet")).ToBeVisibleAsync(); // restore reached from the assessment
        await journey.CheckAsync("check-in");

        // Nothing ticked for the warning signs: the page says so next to the question, and nothing is saved.
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.SaveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Warning signs");
        await journey.CheckAsync("check-in-errors");

        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("A fever (38 °C or higher)");
        await checkIn.SportAsync("Running", 20);
        await checkIn.SaveAsync();

        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("See a doctor within 24 hours");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "112", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("There is no session while the program is paused.")).ToBeVisibleAsync();
        await journey.CheckAsync("paused");

        await page.GetByRole(AriaRole.Link, new() { Name = "Resume the program" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart my program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("New self-assessment");
        await journey.CheckAsync("resume-refused");
    }

    [GeneratedRegex("/onboarding$")] private static partial Regex OnboardingUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/program/paused$")] private static partial Regex PausedUrl();
}
