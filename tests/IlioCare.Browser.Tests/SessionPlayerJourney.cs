using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// F7 in a real browser at 360 px: a signed-in patient opens Today, plays the band exercise with the script
/// (get-ready countdown, hold timer, counter) and presses "Pain went up" on another; the rows are checked.
/// </summary>
public sealed partial class SessionPlayerJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string TimeZone = "Europe/Berlin";

    [Fact]
    public async Task Patient_PlaysTheBandExerciseWithTheTimer_AndStopsAnotherForPain_OnAPhone()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "session-player-360px");
        var page = journey.Page;
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        var email = $"player-{Guid.NewGuid():N}@example.com";
        await SignUpAndOnboardAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        // The check-in page is built in parallel: today's check-in goes straight into the database.
        var today = PatientToday.Date(app.Clock, TimeZone);
        await app.InDatabaseAsync(db =>
        {
            db.CheckIns.Add(new CheckInRecord { AccountId = accountId, Date = today, PainMorning = 2, StiffnessMinutes = 5, PainNow = 2 });
            return db.SaveChangesAsync();
        });

        await page.GotoAsync("/today");
        var todayPage = new TodayPage(page);
        await Assertions.Expect(todayPage.SessionHeading).ToBeVisibleAsync();
        await journey.CheckAsync("today-session");

        // The band exercise: pain before first, then a timed hold with a get-ready countdown.
        await todayPage.StartAsync("Standing band hip flexion");
        var player = new PlayerPage(page);
        await Assertions.Expect(player.Heading).ToHaveTextAsync("Standing band hip flexion");
        await Assertions.Expect(player.Main).ToBeDisabledAsync(); // pain before is asked first
        await player.PainBefore.FillAsync("2");
        await Assertions.Expect(player.Main).ToHaveTextAsync("Start hold");
        await Assertions.Expect(player.Counter).ToHaveTextAsync("0 of 15 repetitions");
        await player.Main.ClickAsync();
        await Assertions.Expect(player.Timer).ToHaveTextAsync(GetReady());
        await Assertions.Expect(player.Timer).ToHaveTextAsync(Holding(), new() { Timeout = 6_000 });
        await journey.CheckAsync("player-band-hold");
        await Assertions.Expect(player.Counter).ToHaveTextAsync("1 of 15 repetitions", new() { Timeout = 8_000 });
        await Assertions.Expect(player.Status).ToHaveTextAsync("Release slowly.");
        await player.Main.ClickAsync(); // later holds of the set start at once
        await Assertions.Expect(player.Timer).ToHaveTextAsync(Holding());
        await Assertions.Expect(player.Counter).ToHaveTextAsync("2 of 15 repetitions", new() { Timeout = 6_000 });
        await player.PainDuring.FillAsync("2");
        await player.Done.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl()); // the last exercise of the session
        await Assertions.Expect(page.GetByText("Done (pain 2 before, 2 during)")).ToBeVisibleAsync();

        // Straight leg raise: count a repetition, then the pain goes up.
        await todayPage.StartAsync("Straight leg raise");
        await player.PainBefore.FillAsync("2");
        await Assertions.Expect(player.Main).ToHaveTextAsync("+1 repetition");
        await player.Main.ClickAsync();
        await player.Main.ClickAsync();
        await Assertions.Expect(player.Counter).ToHaveTextAsync("2 of 15 repetitions");
        await Assertions.Expect(player.Where).ToHaveTextAsync("Set 1 of 2, left side");
        await journey.CheckAsync("player-straight-leg-raise");
        await player.PainDuring.FillAsync("6");
        await player.PainWentUp.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(NextAfterStop());
        await Assertions.Expect(page.GetByText("Straight leg raise stopped: we will step this exercise down tomorrow.")).ToBeVisibleAsync();
        await Assertions.Expect(player.Heading).ToHaveTextAsync("Seated marching");
        await journey.CheckAsync("stopped-next-exercise");

        var logs = await app.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == accountId).ToListAsync());
        var band = Assert.Single(logs, l => l.Exercise == ExerciseId.StandingBandHipFlexion);
        Assert.Equal((today, true, false, 2, 2, 2, 15), (band.Date, band.Completed, band.StoppedForPain, band.PainBefore, band.PainDuring, band.Sets, band.Reps));
        var raise = Assert.Single(logs, l => l.Exercise == ExerciseId.StraightLegRaise);
        Assert.Equal((false, true, 2, 6), (raise.Completed, raise.StoppedForPain, raise.PainBefore, raise.PainDuring));
        Assert.Equal(2, logs.Count);
        Assert.Empty(scriptErrors);
    }

    private static async Task SignUpAndOnboardAsync(IPage page, string email)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 34, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Where does it hurt? Tick all that apply.", "Front of the hip");
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 150, timeZone: TimeZone, sessionTime: "07:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
    }

    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/today/session/seated-marching\\?stopped=straight-leg-raise$")] private static partial Regex NextAfterStop();
    [GeneratedRegex("^Get ready: [1-3]$")] private static partial Regex GetReady();
    [GeneratedRegex("^Hold: [1-3]$")] private static partial Regex Holding();
}

public sealed class TodayPage(IPage page)
{
    public ILocator SessionHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Today's session", Exact = true });

    public Task StartAsync(string exercise) =>
        page.GetByRole(AriaRole.Link, new() { Name = $"Start {exercise}", Exact = true }).ClickAsync();
}

public sealed class PlayerPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator PainBefore => page.GetByLabel("Your pain before you start (0 to 10)");
    public ILocator PainDuring => page.GetByLabel("Your pain during the exercise (0 to 10)");
    public ILocator Main => page.Locator("[data-player-tools] button.primary");
    public ILocator Counter => page.Locator(".player-count");
    public ILocator Where => page.Locator(".player-where");
    public ILocator Timer => page.GetByRole(AriaRole.Timer);
    public ILocator Status => page.Locator("[data-player-tools]").GetByRole(AriaRole.Status);
    public ILocator Done => page.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true });
    public ILocator PainWentUp => page.GetByRole(AriaRole.Button, new() { Name = "Pain went up", Exact = true });
}
