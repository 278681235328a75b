using IlioCare.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>The progress page (F11) of a seeded 8-week history, on a phone (360 px) and a desktop; run one at a time (2 cores).</summary>
public sealed class ProgressJourneys(AppServer app) : IClassFixture<AppServer>
{
    private static readonly string[] Charts =
    [
        "Pain each day", "Morning stiffness each day", "Exercises done of those planned, by week", "Sport minutes by week, against the limit",
        "Straight leg raise: how much, over time", "Seated marching: how much, over time", "Standing band hip flexion: how much, over time",
        "Lying hip rotation: how much, over time", "Butterfly stretch: how much, over time", "Side kick: how much, over time",
        "Pain calendar of the last 8 weeks", "Your three activities, week by week",
    ];

    [Fact]
    public async Task Patient_WithEightWeeks_SeesEveryChartAndTheCalendar_OnAPhoneAndADesktop_AndScoresThisWeek()
    {
        EightWeekHistory.MoveToMonday(app.Clock);
        await using var phone = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await phone.NewPageAsync(), "progress-360px");
        var page = journey.Page;
        var email = $"progress-{Guid.NewGuid():N}@example.com";
        await SignUpAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.InDatabaseAsync(async db => { await EightWeekHistory.SeedAsync(db, accountId, EightWeekHistory.Today(app.Clock), functionalScale: true); return 0; });

        var progress = new ProgressPage(page);
        await progress.OpenAsync();
        foreach (var chart in Charts)
            await Assertions.Expect(progress.Chart(chart)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Pain now fell from 5 to 1 over 8 weeks")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("next-morning pain rose on 12 of 51 days", new() { Exact = false })).ToBeVisibleAsync();
        await journey.CheckAsync("progress");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/progress scrolls sideways at 360 px");

        await progress.OpenTableAsync("Pain calendar of the last 8 weeks");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Each day: pain now, the day before's load, and the next morning's response" })).ToBeVisibleAsync();
        await progress.ScoreAsync(("Run 5 km", 8), ("Climb two flights of stairs", 6), ("Sit through a film", 8));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("This week's scores are saved.");
        await Assertions.Expect(page.GetByText("Your average score rose from 2.3 to 7.3 out of 10 over 8 weeks")).ToBeVisibleAsync();
        await journey.CheckAsync("scored");

        await page.SetViewportSizeAsync(1280, 900);
        var wide = new Journey(page, "progress-desktop");
        await new ProgressPage(wide.Page).OpenAsync();
        foreach (var chart in Charts)
            await Assertions.Expect(new ProgressPage(wide.Page).Chart(chart)).ToBeVisibleAsync();
        await wide.CheckAsync("progress");
    }

    private static async Task SignUpAsync(IPage page, string email)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 34, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 180, timeZone: "Europe/Paris", sessionTime: "18:30");
    }
}

public sealed class ProgressPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/progress");

    /// <summary>A chart by its accessible name: the SVG's title (or the calendar grid's label).</summary>
    public ILocator Chart(string title) => page.GetByRole(AriaRole.Img, new() { Name = title, Exact = true });

    public Task OpenTableAsync(string title) => page.GetByText($"{title}: the numbers as a table").ClickAsync();

    public async Task ScoreAsync(params (string Activity, int Score)[] scores)
    {
        foreach (var (activity, score) in scores)
            await page.GetByLabel(activity, new() { Exact = true }).FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this week's scores" }).ClickAsync();
    }
}
