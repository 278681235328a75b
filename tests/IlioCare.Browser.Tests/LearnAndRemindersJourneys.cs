using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>Learn (F1) for a visitor and Reminders (F12) for a patient, at 360 px; run one at a time (2 cores, RECIPES.md).</summary>
public sealed partial class LearnAndRemindersJourneys(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Visitor_ReadsTheLearnPagesOnAPhone_WithTheirDiagrams()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "learn-360px");
        var page = journey.Page;

        await page.GotoAsync("/learn");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Learn about hip-flexor pain");
        await journey.CheckAsync("learn");
        await NoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Anatomy: iliacus, psoas and the bursa" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/learn/anatomy$"));
        await DiagramLoadsAsync(page, "Front view of the lower spine and pelvis");
        await DiagramLoadsAsync(page, "Side view of the right hip");
        await journey.CheckAsync("anatomy");
        await NoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "More to learn" })
            .GetByRole(AriaRole.Link, new() { Name = "Bursitis, tendonitis and snapping hip" }).ClickAsync();
        await DiagramLoadsAsync(page, "Snapping hip, two steps");
        await journey.CheckAsync("conditions");
        await NoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "More to learn" })
            .GetByRole(AriaRole.Link, new() { Name = "When to see a doctor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Go to emergency care now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "112", Exact = true })).ToHaveAttributeAsync("href", "tel:112");
        await journey.CheckAsync("when-to-see-a-doctor");
        await NoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task Patient_OpensReminders_ChangesTheTime_ResetsTheLink_AndTheOldFeedIsGone()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "reminders-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 29, side: "Left", days: 12, painNow: 2, painWorst: 3);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Rowing");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync($"rower-{Guid.NewGuid():N}@example.com", "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 200, timeZone: "Europe/Paris", sessionTime: "18:30");

        await page.GotoAsync("/reminders");
        var reminders = new RemindersPage(page);
        await Assertions.Expect(reminders.Heading).ToHaveTextAsync("Reminders");
        await Assertions.Expect(reminders.SessionTime).ToHaveValueAsync("18:30");
        var oldUrl = await reminders.FeedUrl.InputValueAsync();
        Assert.Matches("/calendar/[A-Za-z0-9_-]{43}\\.ics$", oldUrl);
        var feed = await context.APIRequest.GetAsync(oldUrl);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:", await feed.TextAsync(), StringComparison.Ordinal);
        await journey.CheckAsync("reminders");
        await NoSidewaysScrollAsync(page);

        await reminders.SessionTime.FillAsync("07:45");
        await reminders.SaveTime.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your session time is now 07:45");
        Assert.Contains("T074500", await (await context.APIRequest.GetAsync(oldUrl)).TextAsync(), StringComparison.Ordinal);

        await reminders.Reset.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The old one no longer works");
        var newUrl = await reminders.FeedUrl.InputValueAsync();
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(404, (await context.APIRequest.GetAsync(oldUrl)).Status);
        Assert.Equal(200, (await context.APIRequest.GetAsync(newUrl)).Status);
        await journey.CheckAsync("reminders-reset");

        var old = await page.GotoAsync(oldUrl);
        Assert.Equal(404, old!.Status);
    }

    private static async Task DiagramLoadsAsync(IPage page, string altStart)
    {
        var drawing = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^" + Regex.Escape(altStart)) });
        await Assertions.Expect(drawing).ToBeVisibleAsync();
        Assert.True(await drawing.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"{altStart}: the SVG loads");
    }

    /// <summary>360 px must not need sideways scrolling (WCAG 2.2 reflow).</summary>
    private static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px");
}

public sealed class RemindersPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator SessionTime => page.GetByLabel("New session time");
    public ILocator SaveTime => page.GetByRole(AriaRole.Button, new() { Name = "Save the time" });
    public ILocator FeedUrl => page.GetByLabel("Or copy this address into your calendar app");
    public ILocator Reset => page.GetByRole(AriaRole.Button, new() { Name = "Reset the link" });
}
