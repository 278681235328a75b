using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>The session player's plain form (F7, F8): what it stores, where it goes next, what it refuses.</summary>
public sealed class SessionPlayerTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Band = "/today/session/standing-band-hip-flexion";

    /// <summary>Posts the player's form with the whole planned count, as the player sends after counting everything.</summary>
    internal static async Task<HttpResponseMessage> PlayAsync(TodayState patient, string url, string before, string during, string outcome,
        params KeyValuePair<string, string>[] extra) =>
        await PlayCountedAsync(patient, url, before, during, outcome, await PlannedAsync(patient, url), extra);

    internal static Task<HttpResponseMessage> PlayCountedAsync(TodayState patient, string url, string before, string during, string outcome,
        string done, params KeyValuePair<string, string>[] extra) =>
        patient.Client.PostFormAsync(url, "exercise-log",
            [F("Form.PainBefore", before), F("Form.PainDuring", during), F("Form.Outcome", outcome), F("Form.DoneCount", done), .. extra]);

    /// <summary>The plan's count as the page says it ("out of 60"); "0" when the page has no form.</summary>
    internal static async Task<string> PlannedAsync(TodayState patient, string url) =>
        System.Text.RegularExpressions.Regex.Match(await patient.PageAsync(url), @"\(out of (\d+)\)") is { Success: true } m ? m.Groups[1].Value : "0";

    [Fact]
    public async Task Player_Renders_TheDose_Drawings_PainBeforeFirst_AndTheScript()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-page@example.com");
        await patient.CheckInAsync();
        var html = await patient.PageAsync(Band);
        Assert.Contains("<h1>Standing band hip flexion</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Exercise 8 of 8", html, StringComparison.Ordinal);
        Assert.Contains("2 sets of 15 on each side (left first, then right), no band. Hold each one 3 seconds", html, StringComparison.Ordinal);
        Assert.Contains("data-hold=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Start: standing tall, loop band", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"painBefore\"", StringComparison.Ordinal) < html.IndexOf("id=\"painDuring\"", StringComparison.Ordinal));
        Assert.Matches("<script src=\"/js/player\\.js\\?v=[0-9a-f]{16}\" defer></script>", html); // versioned: cached, never stale (H85)
    }

    [Fact]
    public async Task Player_Done_SavesTodaysDose_AndGoesToTheNextExercise()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-done@example.com");
        await patient.CheckInAsync();
        await patient.DoseAsync(ExerciseId.LyingHipRotation, new StretchDose(12, 0), "One step up.");

        var response = await PlayAsync(patient, "/today/session/lying-hip-rotation", "2", "2", "done");
        Assert.Equal("/today/session/butterfly-stretch", PathOf(response)); // the session's order

        var log = Assert.Single(await patient.LogsAsync());
        Assert.Equal((ExerciseId.LyingHipRotation, patient.Today, true, false, 2, 2), (log.Exercise, log.Date, log.Completed, log.StoppedForPain, log.PainBefore, log.PainDuring));
        Assert.Equal((12, 0), (log.Count, log.HoldSeconds));
        Assert.Null(log.Sets);

        // The last exercise goes back to Today, which shows it done.
        Assert.Equal("/today", PathOf(await PlayAsync(patient, Band, "1", "1", "done")));
        var band = (await patient.LogsAsync()).Single(l => l.Exercise == ExerciseId.StandingBandHipFlexion);
        Assert.Equal((2, 15, Resistance.None), (band.Sets, band.Reps, band.Resistance));
        Assert.Contains("Done (pain 1 before, 1 during)", await patient.PageAsync("/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Player_PainWentUp_RecordsTheStop_AndSaysItStepsDownTomorrow()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-stop@example.com");
        await patient.CheckInAsync();
        var response = await PlayAsync(patient, "/today/session/straight-leg-raise", "2", "5", "pain-went-up");
        Assert.Equal("/today/session/seated-marching?stopped=straight-leg-raise", PathOf(response));

        var log = Assert.Single(await patient.LogsAsync());
        Assert.True(log.StoppedForPain);
        Assert.False(log.Completed);
        Assert.Equal((2, 5), (log.PainBefore, log.PainDuring));
        Assert.Contains("Straight leg raise stopped. Tomorrow this exercise will be a little easier.",
            await patient.PageAsync("/today/session/seated-marching?stopped=straight-leg-raise"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Player_PainWentUpWithPainsLeftBlank_StillRecordsTheStop()
    {
        // Hazard: a patient in pain must not be held back by a form error; the press itself is the record.
        var patient = await TodayState.OnboardAsync(factory, "player-stop-blank@example.com");
        await patient.CheckInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PlayAsync(patient, "/today/session/straight-leg-raise", "3", "", "pain-went-up")).StatusCode);
        var log = Assert.Single(await patient.LogsAsync());
        Assert.Equal((true, 3, 4), (log.StoppedForPain, log.PainBefore, log.PainDuring));

        // "Done" still needs both pains: a calm session is what moves a dose up, so its pains must be real.
        var done = await PlayAsync(patient, "/today/session/seated-marching", "2", "", "done");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Single(await patient.LogsAsync());
    }

    [Fact]
    public async Task Player_SecondGo_ReplacesTodaysLog_ButAStopStaysAStop()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-again@example.com");
        await patient.CheckInAsync();
        // The last exercise stopped: Today says so.
        Assert.Equal("/today?stopped=standing-band-hip-flexion", PathOf(await PlayAsync(patient, Band, "2", "6", "pain-went-up")));
        Assert.Contains("Standing band hip flexion stopped. Tomorrow this exercise will be a little easier.",
            await patient.PageAsync("/today?stopped=standing-band-hip-flexion"), StringComparison.Ordinal);
        Assert.Contains("the stop stays recorded", await patient.PageAsync(Band), StringComparison.Ordinal);
        await PlayAsync(patient, Band, "1", "1", "done");
        var log = Assert.Single(await patient.LogsAsync());
        // H103: the pain went up today; a second go that ends well cannot take the stop (and a flare it caused) back.
        Assert.Equal((true, true, 1, 1), (log.Completed, log.StoppedForPain, log.PainBefore, log.PainDuring));
    }

    [Theory]
    [InlineData("11", "2", "done", "painBefore")]
    [InlineData("", "2", "done", "painBefore")]
    [InlineData("2", "-1", "done", "painDuring")]
    [InlineData("2", "two", "pain-went-up", "painDuring")]
    [InlineData("2", "2", "finished", "outcome")]
    public async Task Player_BadInput_NamesTheField_AndStoresNothing(string before, string during, string outcome, string field)
    {
        var patient = await TodayState.OnboardAsync(factory, $"player-bad-{Guid.NewGuid():N}@example.com");
        await patient.CheckInAsync();
        var response = await PlayAsync(patient, Band, before, during, outcome);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Empty(await patient.LogsAsync());
    }

    [Fact]
    public async Task Player_WithoutTodaysCheckIn_StoresNothing_AndSendsToTheCheckIn()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-no-check-in@example.com");
        var html = await patient.PageAsync(Band);
        Assert.Contains("href=\"/check-in\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.PainBefore\"", html, StringComparison.Ordinal);
        await PlayAsync(patient, Band, "1", "1", "done");
        Assert.Empty(await patient.LogsAsync());
    }

    [Fact]
    public async Task Player_WhilePausedForAWarningSign_StoresNothing()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-paused@example.com");
        await patient.CheckInAsync();
        await patient.StateAsync(Phase.Restore, pausedForWarningSign: true);
        // The player sends a paused patient to what to do now, so the form's token comes from Today (same per user).
        var response = await patient.Client.PostFormAsync("/today", "exercise-log",
            [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", "done")], action: "/today/session/lying-hip-rotation");
        Assert.Equal("/program/paused", PathOf(response));
        Assert.Empty(await patient.LogsAsync());
    }

    [Fact]
    public async Task Player_WhilePausedForAWarningSign_SendsToWhatToDoNow_NotToNotFound()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-paused-get@example.com");
        await patient.CheckInAsync();
        await patient.StateAsync(Phase.Restore, pausedForWarningSign: true);
        Assert.Equal("/program/paused", PathOf(await patient.Client.GetAsync(Band)));
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.GetAsync("/today/session/no-such-exercise")).StatusCode);
    }

    [Theory]
    [InlineData("/today/session/self-massage")] // not in restore
    [InlineData("/today/session/no-such-exercise")]
    [InlineData("/today/session/StandingBandHipFlexion")] // ids are spelled exactly
    public async Task Player_ExerciseNotInTodaysSession_IsNotFound(string url)
    {
        var patient = await TodayState.OnboardAsync(factory, $"player-404-{Guid.NewGuid():N}@example.com");
        await patient.CheckInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Player_SelfMassage_ListsTheTenderSpotsTopDown()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-massage@example.com");
        await patient.AllowMassageAsync();
        await patient.StateAsync(Phase.Settle);
        await patient.CheckInAsync();
        var html = await patient.PageAsync("/today/session/self-massage");
        var spots = ExerciseCatalogue.TenderSpots.Select(s => html.IndexOf(ExerciseCatalogue.Describe(s), StringComparison.Ordinal)).ToArray();
        Assert.All(spots, i => Assert.True(i > 0));
        Assert.Equal(spots.Order(), spots);
        Assert.Contains("data-unit=\"stroke\"", html, StringComparison.Ordinal);
        Assert.Equal("/today/session/lying-hip-rotation?stopped=self-massage", PathOf(await PlayAsync(patient, "/today/session/self-massage", "1", "3", "pain-went-up")));
    }

    [Fact]
    public async Task Start_GoesToTheFirstExerciseNotDoneToday()
    {
        var patient = await TodayState.OnboardAsync(factory, "player-start@example.com");
        await patient.CheckInAsync();
        Assert.Equal("/today/session/lying-hip-rotation", PathOf(await patient.Client.GetAsync("/today/session")));
        await PlayAsync(patient, "/today/session/lying-hip-rotation", "1", "1", "done");
        Assert.Equal("/today/session/butterfly-stretch", PathOf(await patient.Client.GetAsync("/today/session")));
    }

    [Fact]
    public async Task AnotherPatientsLog_CanBeNeitherReadNorWritten()
    {
        var alice = await TodayState.OnboardAsync(factory, "alice-player@example.com");
        var bob = await TodayState.OnboardAsync(factory, "bob-player@example.com");
        await alice.CheckInAsync();
        await bob.CheckInAsync();
        await PlayAsync(alice, Band, "3", "7", "pain-went-up");

        // Bob sees none of Alice's log, on Today or in the player.
        Assert.DoesNotContain("Stopped for pain", await bob.PageAsync("/today"), StringComparison.Ordinal);
        Assert.DoesNotContain("Already recorded today", await bob.PageAsync(Band), StringComparison.Ordinal);

        // Bob's post, even naming Alice's account, writes only Bob's row.
        await PlayAsync(bob, Band, "0", "0", "done", F("Form.AccountId", alice.AccountId), F("AccountId", alice.AccountId));
        var aliceLog = Assert.Single(await alice.LogsAsync());
        Assert.Equal((true, 3, 7), (aliceLog.StoppedForPain, aliceLog.PainBefore, aliceLog.PainDuring));
        var bobLog = Assert.Single(await bob.LogsAsync());
        Assert.Equal((true, 0), (bobLog.Completed, bobLog.PainDuring));
    }
}
