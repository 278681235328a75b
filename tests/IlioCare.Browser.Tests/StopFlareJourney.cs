using System.Text.RegularExpressions;
using IlioCare.Clinical.Program;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// SPEC §4 (clarified 2026-12-03) in a real browser at 360 px: "pain went up" on two days three days apart, with no
/// check-in edit after either stop — the second stop steps restore back to settle at once, and Today and Program say so
/// the same day (H100). Through the real pages only; the database is only read to confirm.
/// </summary>
public sealed partial class StopFlareJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task PainWentUp_OnTwoDaysThreeDaysApart_StepsBackToSettle_OnTodayAndProgram_TheSameDay()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "stop-flare-360px");
        var page = journey.Page;
        var patient = new RecoveryPatient(page, $"stop-flare-{Guid.NewGuid():N}@example.com");
        var today = new TodayCards(page);
        MoveToNextMorning();

        // Day 0: restore from the assessment; check in, then the pain goes up in straight leg raise.
        await patient.AssessAndSignUpAsync(null);
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(null);
        await PainWentUpAsync(page, today, "Straight leg raise");
        await Assertions.Expect(page.GetByText("Straight leg raise stopped. Tomorrow this exercise will be a little easier.")).ToBeVisibleAsync();
        await patient.OpenTodayAsync();
        await Assertions.Expect(page.GetByText("Phase: restore")).ToBeVisibleAsync(); // a single stop is no flare

        // Day 3: the morning check-in, then in the evening the pain goes up in seated marching. Nothing is edited after it.
        app.Clock.Advance(TimeSpan.FromDays(3));
        await patient.OpenTodayAsync();
        await today.CheckInFirst.ClickAsync();
        await patient.CheckInCalmAsync(null);
        app.Clock.Advance(TimeSpan.FromHours(11));
        await PainWentUpAsync(page, today, "Seated marching");

        await Assertions.Expect(page).ToHaveURLAsync(TodayStopped());
        await Assertions.Expect(page.GetByText("Phase: settle")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Back to settle because of a flare" }))
            .ToHaveTextAsync("Back to settle because of a flare: this is a second exercise stopped for pain within 7 days.");
        // The rest of today follows settle: no strengthening left to start.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Start Standing band hip flexion", Exact = true })).ToHaveCountAsync(0);
        await journey.CheckAsync("today-stepped-back");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Program", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your phase now: Settle", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Why: Back to settle because of a flare").First).ToBeVisibleAsync();
        await journey.CheckAsync("program-stepped-back");

        var accountId = await patient.AccountIdAsync(app);
        var last = await app.InDatabaseAsync(db => db.ProgramStates.Where(s => s.AccountId == accountId).OrderByDescending(s => s.EffectiveOn).FirstAsync());
        Assert.Equal((Phase.Settle, PhaseMove.StepBack), (last.Phase, last.Move));
        // No check-in was saved after the stop: the day's check-in is as the morning left it.
        var checkIn = await app.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId).OrderByDescending(c => c.Date).FirstAsync());
        Assert.True(checkIn.UpdatedAtUtc < app.Clock.GetUtcNow().UtcDateTime.AddHours(-10));
        Assert.Equal(0, patient.SignInsAgain);
    }

    private static async Task PainWentUpAsync(IPage page, TodayCards today, string exercise)
    {
        var player = new PlayerPage(page);
        await today.StartAsync(exercise);
        await Assertions.Expect(player.Heading).ToHaveTextAsync(exercise);
        await player.PainBefore.ChooseAsync(2);
        await player.PainDuring.ChooseAsync(5);
        await player.PainWentUp.ClickAsync();
    }

    /// <summary>07:00 UTC of the next day the clock reaches (the patient's zone is UTC).</summary>
    private void MoveToNextMorning()
    {
        var now = app.Clock.GetUtcNow();
        var morning = new DateTimeOffset(now.UtcDateTime.Date.AddHours(7), TimeSpan.Zero);
        app.Clock.Advance((morning > now ? morning : morning.AddDays(1)) - now);
    }

    [GeneratedRegex("/today\\?stopped=seated-marching$")] private static partial Regex TodayStopped();
}
