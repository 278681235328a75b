using System.Globalization;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 3's recovery journeys on a 360 px phone, through the real pages only, with the app's clock moved on a
/// whole day at a time (the patient's time zone is UTC, every simulated morning is 07:00): calm days move
/// seated marching up with its reason, "pain went up" steps it back down the next day, and a warning sign in
/// a check-in pauses the program. The database is only read, to confirm what the pages said.
/// </summary>
public sealed partial class RecoveryJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string SeatedMarching = "Seated marching";

    /// <summary>
    /// Journeys 1 and 2 are one patient's story: the step down after "pain went up" is only visible once the
    /// dose has gone up, so the stop comes on the day of the first 2×20.
    /// </summary>
    [Fact]
    public async Task Runner_CalmDays_MoveSeatedMarchingUpWithItsReason_AndPainWentUp_StepsItDownTheNextDay()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "recovery-progress-360px");
        var page = journey.Page;
        var patient = new RecoveryPatient(page, $"recovery-{Guid.NewGuid():N}@example.com");
        var today = new TodayCards(page);
        var player = new PlayerPage(page);
        MoveToNextMorning();
        var firstDay = Today();

        // Day 1: assessment → sign-up → onboarding → Today asks for the check-in first.
        await patient.AssessAndSignUpAsync(journey);
        await Assertions.Expect(page.GetByText("Phase: restore")).ToBeVisibleAsync();
        await Assertions.Expect(today.CheckInFirst).ToBeVisibleAsync();
        await Assertions.Expect(today.Dose(SeatedMarching)).ToHaveTextAsync("Today's dose: 2 sets of 15, no band"); // the preview
        await journey.CheckAsync("today-check-in-first");
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(journey);
        await Assertions.Expect(today.SessionHeading).ToBeVisibleAsync();
        await Assertions.Expect(today.Why(SeatedMarching)).ToHaveTextAsync("Why: Held at 2×15, no resistance: no session has been recorded at this dose yet.");
        await journey.CheckAsync("day1-today-session");
        await FitsThePhoneAsync(page, today.Card(SeatedMarching).GetByRole(AriaRole.Img));

        await today.StartAsync(SeatedMarching);
        await Assertions.Expect(player.Heading).ToHaveTextAsync(SeatedMarching);
        await player.PainBefore.ChooseAsync(2);
        await Assertions.Expect(player.Main).ToHaveTextAsync("Start");
        for (var rep = 0; rep < 3; rep++) await player.Plus.ClickAsync(); // counting by hand stays (issue 14)
        await Assertions.Expect(player.Counter).ToHaveTextAsync("3 of 15 repetitions");
        await Assertions.Expect(player.Where).ToHaveTextAsync("Set 1 of 2, left side");
        await journey.CheckAsync("day1-player-seated-marching");
        await FitsThePhoneAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Img));
        await player.CountAllByHandAsync();
        await player.PainDuring.ChooseAsync(2);
        await player.Done.ClickAsync();
        await Assertions.Expect(player.Heading).Not.ToHaveTextAsync(SeatedMarching); // on to the next exercise
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to today" }).ClickAsync();
        await Assertions.Expect(today.Status(SeatedMarching)).ToHaveTextAsync("Done (pain 2 before, 2 during)");

        // Days 2 and 3: check in calm, do seated marching calmly; the engine counts the calm sessions.
        foreach (var soFar in new[] { 1, 2 })
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            await patient.OpenTodayAsync();
            await Assertions.Expect(today.CheckInFirst).ToBeVisibleAsync();
            await today.CheckInFirst.ClickAsync();
            await patient.CheckInCalmAsync(journey: null);
            await Assertions.Expect(today.Why(SeatedMarching)).ToHaveTextAsync(
                $"Why: Held at 2×15, no resistance: {soFar} of the 3 sessions in a row needed at this dose so far.");
            await patient.DoSeatedMarchingAsync(painBefore: 2, painDuring: 2);
        }

        // Day 4: the third calm session has its next-morning pain: up to 2×20, and the page says why.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await patient.OpenTodayAsync();
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(journey: null);
        await Assertions.Expect(today.Dose(SeatedMarching)).ToHaveTextAsync("Today's dose: 2 sets of 20, no band");
        await Assertions.Expect(today.Why(SeatedMarching)).ToHaveTextAsync(
            "Why: Up to 2×20, no resistance: the last 3 sessions at 2×15, no resistance were completed within a week with no pain rise during them and pain settled by each next morning.");
        await today.Card(SeatedMarching).ScrollIntoViewIfNeededAsync(); // its lazy drawings load for the screenshot
        await journey.CheckAsync("day4-today-dose-up");

        // Still day 4: the pain goes up during the first 2×20 session.
        var stopDay = Today();
        await today.StartAsync(SeatedMarching);
        await Assertions.Expect(page.GetByText("today's dose: 2 sets of 20, no band")).ToBeVisibleAsync();
        await player.PainBefore.ChooseAsync(2);
        await Assertions.Expect(player.Counter).ToHaveTextAsync("0 of 20 repetitions");
        await player.Plus.ClickAsync();
        await player.PainDuring.ChooseAsync(5);
        await player.PainWentUp.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Seated marching stopped" }))
            .ToHaveTextAsync("Seated marching stopped. Tomorrow this exercise will be a little easier.");
        await journey.CheckAsync("day4-stopped-for-pain");

        // Day 5: after the check-in, the dose is back at 2×15 and the reason names the stop.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await patient.OpenTodayAsync();
        await Assertions.Expect(today.CheckInFirst).ToBeVisibleAsync();
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(journey: null);
        await Assertions.Expect(page.GetByText("Phase: restore")).ToBeVisibleAsync(); // a single stop is no flare (SPEC §4)
        await Assertions.Expect(today.Dose(SeatedMarching)).ToHaveTextAsync("Today's dose: 2 sets of 15, no band");
        await Assertions.Expect(today.Why(SeatedMarching)).ToHaveTextAsync(
            $"Why: Down to 2×15, no resistance: the exercise was stopped for pain on {Words(stopDay)}.");
        await today.Card(SeatedMarching).ScrollIntoViewIfNeededAsync(); // its lazy drawings load for the screenshot
        await journey.CheckAsync("day5-today-dose-down");

        // The stored doses say the same as the pages did, one engine decision per morning.
        var accountId = await patient.AccountIdAsync(app);
        var doses = await app.InDatabaseAsync(db => db.Doses
            .Where(d => d.AccountId == accountId && d.Exercise == ExerciseId.SeatedMarching).OrderBy(d => d.EffectiveFrom)
            .Select(d => new { d.EffectiveFrom, d.Action, d.Reps }).ToListAsync());
        Assert.Equal<(DateOnly, ProgressionAction, int)>(
            [(firstDay, ProgressionAction.Hold, 15), (firstDay.AddDays(1), ProgressionAction.Hold, 15), (firstDay.AddDays(2), ProgressionAction.Hold, 15),
             (firstDay.AddDays(3), ProgressionAction.Progress, 20), (firstDay.AddDays(4), ProgressionAction.Stop, 15)],
            doses.Select(d => (d.EffectiveFrom, d.Action, d.Reps ?? 0)));
        Assert.Equal(0, patient.SignInsAgain);
    }

    [Fact]
    public async Task Patient_ChecksInWithAFever_TheProgramPauses_AndTodayHasNoSession()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "recovery-warning-sign-360px");
        var page = journey.Page;
        var patient = new RecoveryPatient(page, $"fever-{Guid.NewGuid():N}@example.com");
        var today = new TodayCards(page);
        MoveToNextMorning();

        // A calm first day with a session …
        await patient.AssessAndSignUpAsync(journey: null);
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(journey: null);
        await patient.DoSeatedMarchingAsync(painBefore: 2, painDuring: 2);

        // … then a fever the next morning.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await patient.OpenTodayAsync();
        await today.CheckInFirst.ClickAsync();
        var checkIn = new CheckInPageObject(page);
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("A fever (38 °C or higher)");
        await checkIn.SaveAsync();

        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("See a doctor within 24 hours");
        await Assertions.Expect(page.GetByText("Contact a doctor today")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "112", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "fever" }).First).ToBeVisibleAsync();
        await journey.CheckAsync("paused-what-to-do-now");

        await patient.OpenTodayAsync();
        await Assertions.Expect(today.Paused).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "What to do now" })).ToBeVisibleAsync();
        await Assertions.Expect(today.SessionHeading).ToHaveCountAsync(0);
        await Assertions.Expect(today.AnyStart).ToHaveCountAsync(0);
        await journey.CheckAsync("today-paused");

        // Yesterday's exercise, from its address (a bookmark, the back button): what to do now, not the player.
        await page.GotoAsync("/today/session/seated-marching");
        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        await Assertions.Expect(new PlayerPage(page).Done).ToHaveCountAsync(0);

        var accountId = await patient.AccountIdAsync(app);
        var day = Today();
        var paused = await app.InDatabaseAsync(db => db.ProgramStates.Where(s => s.AccountId == accountId && s.EffectiveOn <= day)
            .OrderBy(s => s.EffectiveOn).Select(s => s.PausedForWarningSign).ToListAsync());
        Assert.True(paused[^1], "the program state of the fever day is paused for a warning sign");
        Assert.Equal(0, patient.SignInsAgain);
    }

    /// <summary>
    /// At 360 px the page does not scroll sideways (WCAG 2.2 reflow) and an exercise's start and end drawings
    /// sit side by side, each big enough to read.
    /// </summary>
    private static async Task FitsThePhoneAsync(IPage page, ILocator drawings)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px");
        await Assertions.Expect(drawings).ToHaveCountAsync(2);
        var (start, end) = (await drawings.Nth(0).BoundingBoxAsync(), await drawings.Nth(1).BoundingBoxAsync());
        Assert.True(start is { Width: >= 120 } && end is { Width: >= 120 } && Math.Abs(start.Y - end.Y) < 1,
            $"{page.Url}: the drawings are not side by side at a readable size ({start?.Width}×{start?.Height} at y {start?.Y}, {end?.Width}×{end?.Height} at y {end?.Y})");
    }

    /// <summary>07:00 UTC of the next day the clock reaches: every simulated day starts in the morning.</summary>
    private void MoveToNextMorning()
    {
        var now = app.Clock.GetUtcNow();
        var morning = new DateTimeOffset(now.UtcDateTime.Date.AddHours(7), TimeSpan.Zero);
        app.Clock.Advance((morning > now ? morning : morning.AddDays(1)) - now);
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>How the engine writes a date in a reason (Progressor: "ddd d MMM yyyy").</summary>
    private static string Words(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex("/program/paused$")] private static partial Regex PausedUrl();
}

/// <summary>One patient's part in the recovery journeys: the steps they repeat day after day.</summary>
public sealed partial class RecoveryPatient(IPage page, string email)
{
    private const string Password = "a long enough passphrase";

    /// <summary>How often the browser had to sign in again after the clock moved on (the cookie lasts 14 days).</summary>
    public int SignInsAgain { get; private set; }

    /// <summary>A runner with front-of-hip pain on hip flexion and no warning sign: self-care, start in restore.</summary>
    public async Task AssessAndSignUpAsync(Journey? journey)
    {
        var assessment = new AssessmentPage(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the self-assessment" }).ClickAsync();
        await assessment.AnswerAsync(age: 31, side: "Right", days: 12, painNow: 2, painWorst: 4);
        await assessment.TickAsync("Where does it hurt? Tick all that apply.", "Front of the hip");
        await assessment.TickAsync("What makes it worse? Tick all that apply.", "Lifting the knee towards the chest against resistance");
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();

        var result = new ResultPage(page);
        await Assertions.Expect(result.Heading).ToHaveTextAsync("You can start with self-care");
        await Assertions.Expect(page.GetByText("Pain at the front of the hip or groin that rises when you lift the knee looks like iliopsoas-related pain.")).ToBeVisibleAsync();
        await result.StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(OnboardingUrl());
        if (journey is not null) await journey.CheckAsync("onboarding");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 150, timeZone: "UTC", sessionTime: "07:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
    }

    /// <summary>Today from the menu, signing in again only if the cookie did not last (counted).</summary>
    public async Task OpenTodayAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        if (SignInUrl().IsMatch(page.Url))
        {
            SignInsAgain++;
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
    }

    /// <summary>From the check-in page: a calm morning (pain 2, 10 minutes' stiffness, pain now 2, no warning sign), then Today.</summary>
    public async Task CheckInCalmAsync(Journey? journey)
    {
        var checkIn = new CheckInPageObject(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Daily check-in", Level = 1 })).ToBeVisibleAsync();
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("None of these");
        await checkIn.SaveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Check-in saved." })).ToBeVisibleAsync();
        if (journey is not null) await journey.CheckAsync("check-in-saved"); // the filled form under the saved notice
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to today's session" }).ClickAsync();
        await Assertions.Expect(new TodayPage(page).SessionHeading).ToBeVisibleAsync();
    }

    /// <summary>From Today: seated marching in the player with the given pains, Done, and back to Today.</summary>
    public async Task DoSeatedMarchingAsync(int painBefore, int painDuring)
    {
        var player = new PlayerPage(page);
        await new TodayPage(page).StartAsync("Seated marching");
        await Assertions.Expect(player.Heading).ToHaveTextAsync("Seated marching");
        await player.PainBefore.ChooseAsync(painBefore);
        await player.CountAllByHandAsync(); // Done is completed only when everything was counted (issue 14)
        await player.PainDuring.ChooseAsync(painDuring);
        await player.Done.ClickAsync();
        await Assertions.Expect(player.Heading).Not.ToHaveTextAsync("Seated marching");
    }

    public Task<string> AccountIdAsync(AppServer app) =>
        app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [GeneratedRegex("/onboarding$")] private static partial Regex OnboardingUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/sign-in")] private static partial Regex SignInUrl();
}

/// <summary>Today as the recovery journeys read it: the check-in call, the pause, and one exercise's card.</summary>
public sealed class TodayCards(IPage page)
{
    private readonly TodayPage _today = new(page);

    public ILocator SessionHeading => _today.SessionHeading;
    public ILocator CheckInFirst => page.GetByRole(AriaRole.Link, new() { Name = "Do today's check-in", Exact = true });
    public ILocator Paused => page.GetByRole(AriaRole.Heading, new() { Name = "Your program is paused", Exact = true });
    public ILocator AnyStart => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Start|Do again) ") });

    public ILocator Card(string exercise) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = exercise, Exact = true, Level = 3 }) });

    public ILocator Dose(string exercise) => Card(exercise).GetByText("Today's dose:");
    public ILocator Why(string exercise) => Card(exercise).GetByText("Why:");
    public ILocator Status(string exercise) => Card(exercise).GetByRole(AriaRole.Paragraph).First;

    public Task StartAsync(string exercise) => _today.StartAsync(exercise);
}
