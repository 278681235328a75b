using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>/today in each of its states (F5, F7, F3, F8).</summary>
public sealed class TodayTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Today_NotOnboarded_AsksToSetUpTheProgram()
    {
        var client = new FormClient(factory);
        var id = (await Patients.TakeAssessmentAsync(client)).Split('/').Last();
        await Patients.SignUpAsync(client, "not-onboarded@example.com", id);
        var html = await (await client.GetAsync("/today")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"/onboarding\">Set up your program</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/today/session", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_NoCheckIn_LinksToTheCheckIn_AndPreviewsTheSessionWithoutStart()
    {
        var patient = await TodayState.OnboardAsync(factory, "no-check-in@example.com");
        var html = await patient.PageAsync("/today");
        Assert.Contains("Phase: <strong>Restore</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button primary big\" href=\"/check-in\">Do today's check-in</a>", html, StringComparison.Ordinal);
        Assert.Contains("What today's session will contain", html, StringComparison.Ordinal);
        Assert.Contains("Standing band hip flexion", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/today/session", html, StringComparison.Ordinal); // doses are set by the check-in
    }

    [Fact]
    public async Task Today_CheckedIn_ShowsEachExerciseWithTodaysDose_ItsReason_Drawings_AndStart()
    {
        var patient = await TodayState.OnboardAsync(factory, "session@example.com");
        await patient.CheckInAsync();
        await patient.DoseAsync(ExerciseId.StandingBandHipFlexion, new Dose(3, 15, Resistance.Light), "Three good sessions in a row: one step up.", patient.Today.AddDays(-2));
        // A later record is not in force yet.
        await patient.DoseAsync(ExerciseId.StandingBandHipFlexion, new Dose(3, 20, Resistance.Light), "Not yet.", patient.Today.AddDays(1));
        await patient.DoseAsync(ExerciseId.ButterflyStretch, new StretchDose(3, 25), "Held comfortably: longer holds.");

        var html = await patient.PageAsync("/today");
        Assert.Contains("Today's session", html, StringComparison.Ordinal);
        Assert.Contains("3 sets of 15, light band", html, StringComparison.Ordinal);
        Assert.Contains("Three good sessions in a row: one step up.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet.", html, StringComparison.Ordinal);
        Assert.Contains("3 holds of 25 seconds", html, StringComparison.Ordinal);
        Assert.Contains("Held comfortably: longer holds.", html, StringComparison.Ordinal);
        Assert.Contains("Starting dose: the easiest level.", html, StringComparison.Ordinal); // undosed: the floor
        Assert.Contains("src=\"/img/exercises/standing-band-hip-flexion-start.svg\" alt=\"Start: standing tall, loop band round the right ankle, tied to something solid behind you\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/img/exercises/standing-band-hip-flexion-end.svg\" alt=\"End: standing, band round the right ankle", html, StringComparison.Ordinal);
        Assert.Contains("Check the band is tied firmly", html, StringComparison.Ordinal); // safety note
        Assert.Contains("href=\"/today/session/standing-band-hip-flexion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Self-massage", html[html.IndexOf("Today's session", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("Warm-up before sport", html, StringComparison.Ordinal); // no sport minutes today
    }

    [Fact]
    public async Task Today_SportMinutesInTheCheckIn_PutTheWarmUpFirst()
    {
        var patient = await TodayState.OnboardAsync(factory, "sport-day@example.com");
        await patient.CheckInAsync(sportMinutes: 30);
        var html = await patient.PageAsync("/today");
        Assert.True(html.IndexOf("Warm-up before sport", StringComparison.Ordinal) is > 0 and var warmUp
            && warmUp < html.IndexOf("Lying hip rotation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Today_PausedForAWarningSign_LinksToWhatToDo_AndHasNoSession()
    {
        var patient = await TodayState.OnboardAsync(factory, "warning@example.com");
        await patient.CheckInAsync();
        await patient.StateAsync(Phase.Restore, pausedForWarningSign: true);
        var html = await patient.PageAsync("/today");
        Assert.Contains("href=\"/program/paused\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise-card", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/today/session", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_CheckInWithAWarningSign_PausesEvenBeforeTheReviewWroteTheState()
    {
        var patient = await TodayState.OnboardAsync(factory, "warning-check-in@example.com");
        await patient.CheckInAsync(2, 0, WarningSign.Fever);
        var html = await patient.PageAsync("/today");
        Assert.Contains("href=\"/program/paused\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise-card", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_HolidayPause_SaysPaused_AndHasNoSession()
    {
        var patient = await TodayState.OnboardAsync(factory, "holiday@example.com");
        await patient.CheckInAsync();
        await patient.PauseAsync(PauseReason.Holiday, patient.Today.AddDays(-1));
        var html = await patient.PageAsync("/today");
        Assert.Contains("You paused it for a holiday", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/check-in/pause\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise-card", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_PauseThatEndedYesterday_ShowsTheSession()
    {
        var patient = await TodayState.OnboardAsync(factory, "back-from-holiday@example.com");
        await patient.CheckInAsync();
        await patient.PauseAsync(PauseReason.Illness, patient.Today.AddDays(-5), patient.Today.AddDays(-1));
        var html = await patient.PageAsync("/today");
        Assert.Contains("href=\"/today/session/lying-hip-rotation\"", html, StringComparison.Ordinal);
    }
}
