using System.Net;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>The day's API actions (F16): exercise logs, the holiday pause, and lifting a warning-sign pause (F3).</summary>
public sealed class PatientApiDayTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string GoodCheckIn = """{"painMorning":2,"stiffnessMinutes":10,"painNow":1,"warningSigns":[]}""";
    private const string GoodLog = """{"exercise":"straight-leg-raise","outcome":"done","painBefore":1,"painDuring":1}""";

    private Task<(FormClient Client, string Id, HttpClient Api)> PatientAsync(string email) => OnboardedPatientAsync(factory, email);

    private string Today => TodayIso(factory);

    [Fact]
    public async Task ExerciseLog_AfterTheCheckIn_IsStoredAtTodaysDose()
    {
        var (_, id, api) = await PatientAsync("api-log@example.com");
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/me/exercise-logs", Json(GoodLog))).StatusCode); // check in first
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json(GoodCheckIn)));

        await JsonAsync(await api.PostAsync("/api/v1/me/exercise-logs", Json(GoodLog)), HttpStatusCode.Created);
        var log = await factory.InDatabaseAsync(db => db.ExerciseLogs.SingleAsync(l => l.AccountId == id));
        Assert.Equal((true, false, 1, 1), (log.Completed, log.StoppedForPain, log.PainBefore, log.PainDuring));
        Assert.Equal(2, log.Sets); // today's dose, not one the client chose
        var today = await JsonAsync(await api.GetAsync("/api/v1/me/today"));
        Assert.Contains(today.GetProperty("session").GetProperty("exercises").EnumerateArray(),
            e => e.GetProperty("exercise").GetString() == "straight-leg-raise" && e.GetProperty("logged").GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task ExerciseLog_BadBody_NamesEveryField_AndStoresNothing()
    {
        var (_, id, api) = await PatientAsync("api-log-bad@example.com");
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json(GoodCheckIn)));
        var errors = await ValidationErrorsAsync(await api.PostAsync("/api/v1/me/exercise-logs",
            Json("""{"exercise":"Straight-Leg-Raise","outcome":"stopped","painBefore":11,"sets":3}""")));
        Assert.Equal(["exercise", "outcome", "painBefore", "painDuring", "sets"], errors.Keys.Order(StringComparer.Ordinal));
        // A real exercise that is not in today's session (restore has no warm-up on a day without sport).
        Assert.Equal(["exercise"], (await ValidationErrorsAsync(await api.PostAsync("/api/v1/me/exercise-logs",
            Json("""{"exercise":"sport-warm-up","outcome":"done","painBefore":1,"painDuring":1}""")))).Keys);
        Assert.False(await factory.InDatabaseAsync(db => db.ExerciseLogs.AnyAsync(l => l.AccountId == id)));
    }

    [Fact]
    public async Task Pause_StartsAndEnds_ThroughThePagesHandler_OnlyForTheCaller()
    {
        var (_, id, api) = await PatientAsync("api-pause@example.com");
        var (_, otherId, other) = await PatientAsync("api-pause-other@example.com");
        Assert.Equal(["reason", "until"], (await ValidationErrorsAsync(await api.PostAsync("/api/v1/me/pause", Json("""{"reason":"Holiday","until":"2030-01-01"}""")))).Keys.Order(StringComparer.Ordinal));
        Assert.False(await factory.InDatabaseAsync(db => db.Pauses.AnyAsync(p => p.AccountId == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/me/pause", Json("""{"reason":"holiday"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/me/pause", Json("""{"reason":"illness"}"""))).StatusCode);
        Assert.Equal("paused-by-patient", (await JsonAsync(await api.GetAsync("/api/v1/me/today"))).GetProperty("status").GetString());
        Assert.Equal(PauseReason.Holiday, (await factory.InDatabaseAsync(db => db.Pauses.SingleAsync(p => p.AccountId == id))).Reason);

        // The other patient has nothing to end, and ending theirs does not touch the first patient's pause.
        Assert.Equal(HttpStatusCode.Conflict, (await other.DeleteAsync("/api/v1/me/pause")).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Pauses.AnyAsync(p => p.AccountId == id)));
        Assert.False(await factory.InDatabaseAsync(db => db.Pauses.AnyAsync(p => p.AccountId == otherId)));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/me/pause")).StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Pauses.AnyAsync(p => p.AccountId == id))); // begun today: nothing left
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync("/api/v1/me/pause")).StatusCode);
    }

    [Fact]
    public async Task Resume_NeedsANewCleanAssessment_AndTheDoctorsCheck()
    {
        var (client, id, api) = await PatientAsync("api-resume@example.com");
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode); // not paused
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json("""{"painMorning":2,"stiffnessMinutes":10,"painNow":1,"warningSigns":["fever"]}""")));

        Assert.Equal(["doctorChecked"], (await ValidationErrorsAsync(await api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":false}""")))).Keys);
        Assert.Equal(["doctorChecked", "note"], (await ValidationErrorsAsync(await api.PostAsync("/api/v1/me/resume", Json("""{"note":"fine"}""")))).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode); // no new assessment
        Assert.True((await CheckInPatients.StatesAsync(factory, id)).Last().PausedForWarningSign);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Patients.TakeAssessmentAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode);
        var restarted = (await CheckInPatients.StatesAsync(factory, id)).Last();
        Assert.Equal((Phase.Settle, false, PhaseMove.Resume, "patient"), (restarted.Phase, restarted.PausedForWarningSign, restarted.Move, restarted.SetBy));
    }
}
