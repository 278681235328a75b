using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// The session player in a real browser (F7, issue 14), with the page's clock in the test's hands (page.Clock): one
/// Start paces a whole session at 360 px with tones and vibrations, holds, side changes and rests; a refresh keeps
/// the count; a short exercise is saved as partly done; axe passes in every state of the player.
/// </summary>
public sealed partial class SessionPlayerJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string TimeZone = "Europe/Berlin";
    private static readonly DateTime PageTime = new(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task WholePacedSession_AtPhoneWidth_RunsItselfFromOneStart()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var (page, journey, scriptErrors, accountId) = await PatientReadyAsync(context, "paced-session-360px");
        var player = new PlayerPage(page);
        await page.GotoAsync("/today/session");

        var done = new List<string>();
        while (!TodayUrl().IsMatch(page.Url) && done.Count < 12)
        {
            var name = (await player.Heading.TextContentAsync())!;
            await Assertions.Expect(player.Main).ToBeDisabledAsync(); // pain before is asked first
            await player.PainBefore.ChooseAsync(2);
            await Assertions.Expect(player.Main).ToHaveTextAsync("Start");
            if (done.Count == 0) await CheckAsync(page, journey, "player-ready");
            await player.Main.ClickAsync();
            if (name == "Straight leg raise") await WalkThePlayersStatesAsync(page, player, journey);
            for (var step = 0; step < 120 && await player.Main.TextContentAsync() != "All counted"; step++)
                await page.Clock.RunForAsync(30_000);
            await Assertions.Expect(player.Main).ToHaveTextAsync("All counted");
            await Assertions.Expect(player.Note).ToHaveTextAsync(AllCounted());
            // A vibration on each count (a stub stands in for the phone's motor): one per repetition, hold or stroke.
            var counted = int.Parse(AllCounted().Match((await player.Note.TextContentAsync())!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(counted, await page.EvaluateAsync<int>("() => window.buzzCount || 0"));
            if (done.Count == 0) await CheckAsync(page, journey, "player-all-counted");
            await player.PainDuring.ChooseAsync(2);
            await player.Done.ClickAsync();
            await Assertions.Expect(player.Heading).Not.ToHaveTextAsync(name);
            done.Add(name);
        }

        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
        var logs = await app.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == accountId).ToListAsync());
        Assert.Equal(done.Count, logs.Count);
        Assert.True(logs.Count >= 5, $"the session had {logs.Count} exercises");
        Assert.All(logs, l => Assert.True(l.Completed && l.DoneCount == l.PlannedCount && l.DoneCount > 0, $"{l.Exercise}: {l.DoneCount} of {l.PlannedCount}"));
        Assert.Empty(scriptErrors);
    }

    /// <summary>On straight leg raise: lift – hold – lower, pause and resume, change sides, then the rest, skipped.</summary>
    private static async Task WalkThePlayersStatesAsync(IPage page, PlayerPage player, Journey journey)
    {
        await page.Clock.RunForAsync(1_000);
        await Assertions.Expect(player.Timer).ToHaveTextAsync(new Regex("^Get ready: [1-3]$"));
        await page.Clock.RunForAsync(2_500); // 3 s get ready, then 2 s to lift
        await Assertions.Expect(player.Phase).ToHaveTextAsync("Lift");
        await CheckAsync(page, journey, "player-running-lift");
        await RunUntilAsync(page, player.Counter, "1 of 15 repetitions"); // lift 2 s, hold 1 s, lower 2 s
        Assert.True(await page.EvaluateAsync<int>("() => window.buzzCount || 0") >= 1, "no vibration on the count");

        await player.Main.ClickAsync(); // pause
        await Assertions.Expect(player.Main).ToHaveTextAsync("Resume");
        await page.Clock.RunForAsync(20_000);
        await Assertions.Expect(player.Counter).ToHaveTextAsync("1 of 15 repetitions"); // paused means paused
        await CheckAsync(page, journey, "player-paused");
        await player.Main.ClickAsync();
        await Assertions.Expect(player.Main).ToHaveTextAsync("Pause");

        await RunUntilAsync(page, player.Phase, "Change sides");
        await Assertions.Expect(player.Where).ToHaveTextAsync("Set 1 of 2, right side");
        await CheckAsync(page, journey, "player-change-sides");
        await RunUntilAsync(page, player.Phase, "Rest");
        await Assertions.Expect(player.Where).ToHaveTextAsync("Set 2 of 2, left side");
        await Assertions.Expect(player.Timer).ToHaveTextAsync(new Regex("^Rest: (1:00|[3-5][0-9])$"));
        await CheckAsync(page, journey, "player-rest");
        await player.SkipRest.ClickAsync();
        await Assertions.Expect(player.Phase).ToHaveTextAsync("Get ready");
        await Assertions.Expect(player.SkipRest).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RefreshMidExercise_KeepsTheCount_AndStoppingShortIsSavedAsPartlyDone()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var (page, journey, scriptErrors, accountId) = await PatientReadyAsync(context, "player-refresh-360px");
        var player = new PlayerPage(page);
        await page.GotoAsync("/today/session/straight-leg-raise");
        await player.PainBefore.ChooseAsync(3);
        await player.Main.ClickAsync();
        await page.Clock.RunForAsync(18_500); // get ready 3 s, then three repetitions of 5 s
        await Assertions.Expect(player.Counter).ToHaveTextAsync("3 of 15 repetitions");

        await page.ReloadAsync();
        await Assertions.Expect(player.Counter).ToHaveTextAsync("3 of 15 repetitions");
        await Assertions.Expect(player.PainBefore.Score(3)).ToBeCheckedAsync();
        await Assertions.Expect(player.Main).ToHaveTextAsync("Resume");
        await Assertions.Expect(player.Status).ToHaveTextAsync("Welcome back: your count was kept. Press Resume to go on.");
        await CheckAsync(page, journey, "player-after-refresh");
        await player.Main.ClickAsync();
        await page.Clock.RunForAsync(8_500); // get ready again, then one more
        await Assertions.Expect(player.Counter).ToHaveTextAsync("4 of 15 repetitions");
        await player.Main.ClickAsync(); // pause; the patient stops here
        await Assertions.Expect(player.Note).ToHaveTextAsync("Counted so far: 4 of 60. If you press Done now, it is saved as partly done.");
        await player.PainDuring.ChooseAsync(3);
        await CheckAsync(page, journey, "player-partly-done");
        await player.Done.ClickAsync();
        await Assertions.Expect(player.Heading).ToHaveTextAsync("Seated marching");

        var log = Assert.Single(await app.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == accountId).ToListAsync()));
        Assert.Equal((ExerciseId.StraightLegRaise, false, false, 4, 60, 3, 3),
            (log.Exercise, log.Completed, log.StoppedForPain, log.DoneCount, log.PlannedCount, log.PainBefore, log.PainDuring));
        // Sent and stored: the device forgets that count, so it can never be sent or shown again.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.endsWith(':straight-leg-raise')).length"));
        await page.GotoAsync("/today");
        await Assertions.Expect(page.GetByText("Partly done: 4 of 60 (pain 3 before, 3 during)")).ToBeVisibleAsync();
        await CheckAsync(page, journey, "today-partly-done");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Player_AtDesktopWidth_AndThePainScaleByKeyboard()
    {
        await using var context = await app.NewContextAsync(width: 1440, height: 900);
        var (page, journey, scriptErrors, _) = await PatientReadyAsync(context, "player-1440px");
        var player = new PlayerPage(page);
        await page.GotoAsync("/today/session/standing-band-hip-flexion");
        // Keyboard: into the group, then the arrow keys move along the scale (native radios).
        await player.PainBefore.Score(0).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(player.PainBefore.Score(2)).ToBeCheckedAsync();
        await Assertions.Expect(player.Main).ToBeEnabledAsync();
        await player.Main.ClickAsync();
        await page.Clock.RunForAsync(3_500); // get ready, then into the 3-second hold's lift
        await page.Clock.RunForAsync(2_000);
        await Assertions.Expect(player.Phase).ToHaveTextAsync("Hold");
        await Assertions.Expect(player.Timer).ToHaveTextAsync(new Regex("^Hold: [1-3]$"));
        await CheckAsync(page, journey, "player-band-hold");
        Assert.Empty(scriptErrors);
    }

    /// <summary>A new patient, onboarded and checked in for today, with the page's clock installed and paused.</summary>
    private async Task<(IPage Page, Journey Journey, List<string> ScriptErrors, string AccountId)> PatientReadyAsync(IBrowserContext context, string name)
    {
        var page = await context.NewPageAsync();
        var journey = new Journey(page, name);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var email = $"player-{Guid.NewGuid():N}@example.com";
        await SignUpAndOnboardAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        // The check-in page has tests of its own: today's check-in goes straight into the database.
        var today = PatientToday.Date(app.Clock, TimeZone);
        await app.InDatabaseAsync(db =>
        {
            db.CheckIns.Add(new CheckInRecord { AccountId = accountId, Date = today, PainMorning = 2, StiffnessMinutes = 5, PainNow = 2 });
            return db.SaveChangesAsync();
        });
        // The phone's motor, counted; and the page's clock, moved only by the test.
        await context.AddInitScriptAsync("navigator.vibrate = function () { window.buzzCount = (window.buzzCount || 0) + 1; return true; };");
        await page.Clock.InstallAsync(new() { TimeDate = PageTime });
        await page.Clock.PauseAtAsync(PageTime.AddSeconds(1));
        return (page, journey, scriptErrors, accountId);
    }

    /// <summary>
    /// Screenshot and axe with the page's clock let go: both wait for animation frames and timers, which a paused
    /// clock never runs. The clock is paused again just after, a second past the page's own time then.
    /// </summary>
    private static async Task CheckAsync(IPage page, Journey journey, string step)
    {
        await page.Clock.ResumeAsync();
        await journey.CheckAsync(step);
        var now = await page.EvaluateAsync<double>("() => Date.now()");
        // A second ahead: the clock ran on while this call travelled, and pausing cannot go back in time.
        await page.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds((long)now + 1_000).UtcDateTime);
    }

    private static async Task RunUntilAsync(IPage page, ILocator locator, string text)
    {
        for (var second = 0; second < 300 && await locator.TextContentAsync() != text; second++) await page.Clock.RunForAsync(1_000);
        await Assertions.Expect(locator).ToHaveTextAsync(text);
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
    [GeneratedRegex(@"^Counted so far: (\d+) of \1\.$")] private static partial Regex AllCounted();
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
    public PainScaleControl PainBefore { get; } = new(page, "Your pain before you start (0 to 10)");
    public PainScaleControl PainDuring { get; } = new(page, "Your pain during the exercise (0 to 10)");
    /// <summary>The one big target: Start, Pause, Resume.</summary>
    public ILocator Main => page.Locator("[data-player-tools] button.primary");
    public ILocator Plus => page.GetByRole(AriaRole.Button, new() { Name = "+1, add one to the count", Exact = true });
    public ILocator SkipRest => page.GetByRole(AriaRole.Button, new() { Name = "Skip the rest", Exact = true });
    public ILocator Counter => page.Locator(".player-count");
    public ILocator Where => page.Locator(".player-where");
    public ILocator Phase => page.Locator(".player-phase");
    public ILocator Note => page.Locator(".player-note");
    public ILocator Timer => page.GetByRole(AriaRole.Timer);
    public ILocator Status => page.Locator("[data-player-tools]").GetByRole(AriaRole.Status);
    public ILocator Done => page.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true });
    public ILocator PainWentUp => page.GetByRole(AriaRole.Button, new() { Name = "Pain went up", Exact = true });

    /// <summary>The manual way: "+1" until everything planned is counted.</summary>
    public async Task CountAllByHandAsync()
    {
        for (var n = 0; n < 400 && await Plus.IsEnabledAsync(); n++) await Plus.ClickAsync();
        await Assertions.Expect(Main).ToHaveTextAsync("All counted");
    }
}
