using System.Net;
using System.Text.Json;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// SPEC §4 (clarified 2026-12-03): a second stop within 7 days is a flare at the moment it is logged — the phase steps
/// back that day and the rest of the day's plan follows, with no check-in saved or edited after the stop (H100).
/// </summary>
public sealed class StopFlareTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static Task<HttpResponseMessage> PainWentUpAsync(FormClient client, string exercise) =>
        client.PostFormAsync($"/today/session/{exercise}", "exercise-log",
            [F("Form.PainBefore", "2"), F("Form.PainDuring", "5"), F("Form.Outcome", "pain-went-up")]);

    private static async Task<string> PageAsync(FormClient client, string url) =>
        System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).Content.ReadAsStringAsync());

    [Fact]
    public async Task SecondStop_InThePlayer_StepsRestoreBackToSettle_TheSameDay_WithoutACheckInEdit()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "stop-flare-player@example.com"); // restore from today
        var start = Today(factory);

        await CheckInAsync(client, Answers(painNow: 1));
        Assert.Equal("/today/session/seated-marching?stopped=straight-leg-raise", PathOf(await PainWentUpAsync(client, "straight-leg-raise")));
        Assert.Equal(Phase.Restore, (await StatesAsync(factory, id)).Last().Phase); // a single stop only steps that exercise down

        for (var day = 1; day <= 3; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            await CheckInAsync(client, Answers(painNow: 1));
        }
        // Three days later, in the evening, the second stop; nobody touches the check-in afterwards.
        factory.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Equal("/today?stopped=seated-marching", PathOf(await PainWentUpAsync(client, "seated-marching")));

        var stepBack = (await StatesAsync(factory, id)).Last();
        Assert.Equal((start.AddDays(3), Phase.Settle, PhaseMove.StepBack, "engine"), (stepBack.EffectiveOn, stepBack.Phase, stepBack.Move, stepBack.SetBy));
        Assert.True((await CheckInsAsync(factory, id)).Last().Flare);
        var today = await PageAsync(client, "/today?stopped=seated-marching");
        Assert.Contains("Phase: <strong>Settle</strong>", today, StringComparison.Ordinal);
        Assert.Contains("Back to settle because of a flare: this is a second exercise stopped for pain within 7 days.", today, StringComparison.Ordinal);
        Assert.DoesNotContain("/today/session/straight-leg-raise", today, StringComparison.Ordinal); // the rest of today follows settle
        Assert.Contains("settle", await PageAsync(client, "/program"), StringComparison.Ordinal);

        // Idempotent: another stop the same day, and an edit of the day's check-in, neither step back again nor undo it.
        Assert.Equal(HttpStatusCode.Redirect, (await PainWentUpAsync(client, "lying-hip-rotation")).StatusCode);
        await CheckInAsync(client, Answers(painNow: 2));
        var states = await StatesAsync(factory, id);
        Assert.Equal((Phase.Settle, PhaseMove.StepBack, start.AddDays(4)), (states[^1].Phase, states[^1].Move, states[^1].CountsFrom));
        Assert.Single(states, s => s.EffectiveOn == start.AddDays(3));

        // Next day: the stops that made the flare start no new count; one more stop is a single stop.
        factory.Clock.Advance(TimeSpan.FromHours(15));
        await CheckInAsync(client, Answers(painNow: 1));
        Assert.Equal(HttpStatusCode.Redirect, (await PainWentUpAsync(client, "butterfly-stretch")).StatusCode);
        Assert.Equal(states.Count, (await StatesAsync(factory, id)).Count);
        Assert.False((await CheckInsAsync(factory, id)).Last().Flare);
    }

    [Fact]
    public async Task SecondStop_ThroughTheApi_StepsBackOnce_WhenLoggedTwiceAndAtTheSameTime()
    {
        var (_, id, api) = await ApiClients.OnboardedPatientAsync(factory, "stop-flare-api@example.com");
        var start = Today(factory);
        const string Calm = """{"painMorning":1,"stiffnessMinutes":10,"painNow":1,"warningSigns":[]}""";
        await ApiClients.JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{ApiClients.TodayIso(factory)}", ApiClients.Json(Calm)));
        var first = await LogAsync(api, "straight-leg-raise", "pain-went-up");
        Assert.Equal((false, "restore"), (first.GetProperty("flare").GetBoolean(), first.GetProperty("phase").GetString()));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await ApiClients.JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{ApiClients.TodayIso(factory)}", ApiClients.Json(Calm)));
        // Two stops sent at once, and one of them again: the second stop within 7 days is one flare, one step back.
        // Stretches, which settle keeps: a strengthening exercise leaves today's session with the step back, so a stop
        // for one that reached the server after the flare was refused as "not in today's session", depending on timing.
        var answers = await Task.WhenAll(
            LogAsync(api, "butterfly-stretch", "pain-went-up"),
            LogAsync(api, "lying-hip-rotation", "pain-went-up"),
            LogAsync(api, "butterfly-stretch", "pain-went-up"));
        Assert.Single(answers, a => a.GetProperty("flare").GetBoolean());
        Assert.All(answers, a => Assert.Equal("settle", a.GetProperty("phase").GetString()));

        var states = await StatesAsync(factory, id);
        var day2 = Assert.Single(states, s => s.EffectiveOn == start.AddDays(2));
        Assert.Equal((Phase.Settle, PhaseMove.StepBack), (day2.Phase, day2.Move));
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.ExerciseLogs.CountAsync(l => l.AccountId == id && l.StoppedForPain)));

        var today = await ApiClients.JsonAsync(await api.GetAsync("/api/v1/me/today"));
        Assert.Equal("settle", today.GetProperty("phase").GetString());
        Assert.DoesNotContain(today.GetProperty("session").GetProperty("exercises").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "strength");
        Assert.Equal(0, today.GetProperty("sport").GetProperty("capMinutes").GetInt32());
    }

    [Fact]
    public async Task CompletedSessionsWithPainRising_StepTheDoseDown_ButAreNotStopsForTheFlareCount()
    {
        var (_, id, api) = await ApiClients.OnboardedPatientAsync(factory, "stop-flare-rise@example.com");
        var start = Today(factory);
        const string Calm = """{"painMorning":1,"stiffnessMinutes":10,"painNow":1,"warningSigns":[]}""";
        for (var day = 0; day < 3; day++)
        {
            if (day > 0) factory.Clock.Advance(TimeSpan.FromDays(1));
            await ApiClients.JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{ApiClients.TodayIso(factory)}", ApiClients.Json(Calm)));
            if (day < 2) Assert.False((await LogAsync(api, "straight-leg-raise", "done", before: 1, during: 4)).GetProperty("flare").GetBoolean());
        }
        Assert.Equal(Phase.Restore, (await StatesAsync(factory, id)).Last().Phase);
        Assert.DoesNotContain(await CheckInsAsync(factory, id), c => c.Flare);
        var dose = await factory.InDatabaseAsync(db => db.Doses.SingleAsync(d => d.AccountId == id && d.Exercise == ExerciseId.StraightLegRaise && d.EffectiveFrom == start.AddDays(2)));
        Assert.Equal(ProgressionAction.Stop, dose.Action); // §6: pain rose during it (strict rule); at the floor it stays there
    }

    private static async Task<JsonElement> LogAsync(HttpClient api, string exercise, string outcome, int before = 2, int during = 5) =>
        await ApiClients.JsonAsync(await api.PostAsync("/api/v1/me/exercise-logs", ApiClients.Json(
            $$"""{"exercise":"{{exercise}}","outcome":"{{outcome}}","painBefore":{{before}},"painDuring":{{during}}}""")), HttpStatusCode.Created);
}
