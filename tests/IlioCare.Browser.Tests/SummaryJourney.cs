using System.Text.RegularExpressions;
using IlioCare.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// The doctor-visit summary (F4) of a seeded 8-week history: renders, passes axe, reflows at 360 px, and Chromium's
/// PDF of it (A4, print CSS) has at most 2 pages. Screenshots and the PDF are saved under the test output.
/// </summary>
public sealed partial class SummaryJourney(AppServer app) : IClassFixture<AppServer>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Patient_OpensTheSummaryOfEightWeeks_ItPassesAxe_AndPrintsOnAtMostTwoA4Pages()
    {
        MoveToSunday();
        await using var context = await app.NewContextAsync();
        var journey = new Journey(await context.NewPageAsync(), "summary");
        var page = journey.Page;

        var email = $"summary-{Guid.NewGuid():N}@example.com";
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 41, side: "Left", days: 10, painNow: 5, painWorst: 6);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.TickWarningSignAsync("Pain at night that wakes you or does not ease with rest");
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 180, timeZone: "Europe/Paris", sessionTime: "18:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());

        var accountId = (await app.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == email))).Id;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Paris).DateTime);
        await SummaryHistory.SeedAsync(app.InDatabaseAsync, accountId, app.Clock.GetUtcNow(), today);

        await page.GotoAsync("/summary");
        var summary = new SummaryPage(page);
        await Assertions.Expect(summary.Heading).ToHaveTextAsync("Doctor-visit summary");
        await Assertions.Expect(summary.Section("Pain over time")).ToBeVisibleAsync();
        await Assertions.Expect(summary.Section("What was tried and how it went")).ToBeVisibleAsync();
        await Assertions.Expect(summary.Sparkline).ToBeVisibleAsync();
        await Assertions.Expect(summary.Print).ToBeVisibleAsync(); // print.js revealed it
        await Assertions.Expect(page.GetByText("Chills or shivering")).ToBeVisibleAsync();
        await journey.CheckAsync("summary-1280px");

        // Print: A4, no backgrounds, the print CSS of site.css; at most two pages.
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots", "summary");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false, Path = Path.Combine(directory, "summary.pdf") });
        var pages = PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));
        Assert.True(pages is >= 1 and <= 2, $"the summary prints on {pages} A4 pages; at most 2 allowed (see {directory}/summary.pdf)");

        // A phone: the same page reflows (only the week table may scroll inside its own region).
        await page.SetViewportSizeAsync(360, 780);
        await page.ReloadAsync();
        await journey.CheckAsync("summary-360px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/summary scrolls sideways at 360 px");
    }

    /// <summary>The seeded weeks run Monday to Sunday: today is a Sunday, 10:00 in Paris.</summary>
    private void MoveToSunday()
    {
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Paris);
        var target = local.Date.AddDays(((int)DayOfWeek.Sunday - (int)local.DayOfWeek + 7) % 7).AddHours(10);
        if (target <= local.DateTime) target = target.AddDays(7);
        app.Clock.Advance(target - local.DateTime);
    }

    /// <summary>A page object: "/Type /Page" but not "/Type /Pages".</summary>
    [GeneratedRegex(@"/Type\s*/Page[^s]")] private static partial Regex PdfPage();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
}

public sealed class SummaryPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Section(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 });
    public ILocator Sparkline => page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Pain now each day") });
    public ILocator Print => page.GetByRole(AriaRole.Button, new() { Name = "Print this summary" });
}
