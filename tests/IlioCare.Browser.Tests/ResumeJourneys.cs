using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 12, F3 on a 360 px phone: a fever pauses the program; a new clean assessment and the doctor's check resume it
/// in settle — the same day, or days later — and at every step Today, the program page and the paused page say the
/// same thing (never "paused" on one and "not paused" on another), each page passing axe. The app's clock is moved on
/// a day at a time (the patient's zone is UTC).
/// </summary>
public sealed partial class ResumeJourneys(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Fever_ResumedTheSameDay_EveryPageAgrees_ThenAndTheDayAfter()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "resume-same-day-360px");
        var page = journey.Page;
        var patient = new RecoveryPatient(page, $"resume-same-{Guid.NewGuid():N}@example.com");
        MoveToNextMorning();
        await patient.AssessAndSignUpAsync(journey: null);

        await CheckInWithAFeverAsync(page);
        await journey.CheckAsync("fever-paused");
        await AgreeAsync(journey, paused: true, "fever");

        // A clean assessment while paused: the result leads to the resume page and names the phase it really restarts in.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await RetakeCleanAssessmentAsync(page);
        await Assertions.Expect(page.GetByText("Your program restarts in the settle phase once you confirm that a doctor has checked you.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("would start", new() { Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(new ResultPage(page).StartProgram).ToHaveCountAsync(0);
        await journey.CheckAsync("clean-result-while-paused");
        await page.GetByRole(AriaRole.Link, new() { Name = "Resume the program" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ResumeUrl());
        await Assertions.Expect(page.GetByText("Done: you took a new self-assessment that shows no warning signs.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("SPEC")).ToHaveCountAsync(0);
        await journey.CheckAsync("resume-page");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "A doctor has checked the warning sign" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart my program" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());

        await AgreeAsync(journey, paused: false, "resumed-same-day");
        await page.GotoAsync("/today");
        await Assertions.Expect(page.GetByText("Phase: settle")).ToBeVisibleAsync();
        await Assertions.Expect(new TodayCards(page).SessionHeading).ToBeVisibleAsync(); // today's check-in is in: settle's session

        // The day after: still resumed, settle, check in first.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await AgreeAsync(journey, paused: false, "day-after");
        await page.GotoAsync("/today");
        await Assertions.Expect(page.GetByText("Phase: settle")).ToBeVisibleAsync();
        await new TodayCards(page).CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(journey: null);
        await AgreeAsync(journey, paused: false, "day-after-checked-in");
    }

    [Fact]
    public async Task Fever_ResumedTwoDaysLater_PausedUntilThen_ThenEveryPageAgrees()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "resume-later-day-360px");
        var page = journey.Page;
        var patient = new RecoveryPatient(page, $"resume-later-{Guid.NewGuid():N}@example.com");
        MoveToNextMorning();
        await patient.AssessAndSignUpAsync(journey: null);
        await CheckInWithAFeverAsync(page);

        // The day after the sign: still paused, before and after a calm check-in.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await AgreeAsync(journey, paused: true, "day-after-sign");
        var checkIn = new CheckInPageObject(page);
        await checkIn.OpenAsync();
        await Assertions.Expect(page.GetByText("Your program is paused because of a warning sign.", new() { Exact = true })).ToBeVisibleAsync();
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("None of these");
        await checkIn.SaveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        await AgreeAsync(journey, paused: true, "day-after-sign-checked-in");

        // Two days later: the new assessment and the doctor's check.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RetakeCleanAssessmentAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Resume the program" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "A doctor has checked the warning sign" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart my program" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
        await AgreeAsync(journey, paused: false, "resumed-later");
        await page.GotoAsync("/today");
        await Assertions.Expect(page.GetByText("Phase: settle")).ToBeVisibleAsync();
    }

    /// <summary>Today, the program page and the paused page, each checked with axe: all paused, or none.</summary>
    private static async Task AgreeAsync(Journey journey, bool paused, string step)
    {
        var page = journey.Page;
        await page.GotoAsync("/today");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your program is paused", Exact = true })).ToHaveCountAsync(paused ? 1 : 0);
        await journey.CheckAsync($"{step}-today");

        await page.GotoAsync("/program");
        await Assertions.Expect(page.GetByText("No exercises until a doctor has checked it.")).ToHaveCountAsync(paused ? 1 : 0);
        await Assertions.Expect(page.GetByText("Not paused. Going on holiday or ill?")).ToHaveCountAsync(paused ? 0 : 1);
        await journey.CheckAsync($"{step}-program");

        await page.GotoAsync("/program/paused");
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        if (paused)
        {
            await Assertions.Expect(heading).ToHaveTextAsync("See a doctor within 24 hours");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resume the program" })).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(heading).ToHaveTextAsync("Your program is not paused");
        }
        await journey.CheckAsync($"{step}-paused-page");
    }

    private static async Task CheckInWithAFeverAsync(IPage page)
    {
        var checkIn = new CheckInPageObject(page);
        await checkIn.OpenAsync();
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("A fever (38 °C or higher)");
        await checkIn.SaveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
    }

    /// <summary>The same answers as the first assessment (no warning sign), from the paused page's own way back.</summary>
    private static async Task RetakeCleanAssessmentAsync(IPage page)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 31, side: "Right", days: 14, painNow: 2, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await Assertions.Expect(new ResultPage(page).Heading).ToHaveTextAsync("You can start with self-care");
    }

    /// <summary>07:00 UTC of the next day the clock reaches: every simulated day starts in the morning.</summary>
    private void MoveToNextMorning()
    {
        var now = app.Clock.GetUtcNow();
        var morning = new DateTimeOffset(now.UtcDateTime.Date.AddHours(7), TimeSpan.Zero);
        app.Clock.Advance((morning > now ? morning : morning.AddDays(1)) - now);
    }

    [GeneratedRegex("/program/paused$")] private static partial Regex PausedUrl();
    [GeneratedRegex("/program/resume$")] private static partial Regex ResumeUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
}
