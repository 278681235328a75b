using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>The patient half of the REST API (F16): the pages' handlers and rules, strict JSON, one's own data only.</summary>
public sealed class PatientApiTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string GoodCheckIn = """{"painMorning":2,"stiffnessMinutes":10,"painNow":1,"warningSigns":[],"sportMinutes":{"running":20}}""";

    private Task<(FormClient Client, string Id, HttpClient Api)> PatientAsync(string email) => OnboardedPatientAsync(factory, email);

    private string Today => TodayIso(factory);

    [Fact]
    public async Task Me_ShowsTheCallersProfile_ByCookieAndByToken()
    {
        var (client, id, token) = await PatientAsync("api-me@example.com");
        foreach (var http in new[] { client.Http, token })
        {
            var me = await JsonAsync(await http.GetAsync("/api/v1/me"));
            Assert.Equal(id, me.GetProperty("id").GetString());
            Assert.Equal("api-me@example.com", me.GetProperty("email").GetString());
            Assert.DoesNotContain(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), r => r is "clinician" or "admin");
            Assert.Equal("left", me.GetProperty("profile").GetProperty("side").GetString());
            Assert.Equal("Europe/Paris", me.GetProperty("profile").GetProperty("timeZone").GetString());
            Assert.Equal("strict", me.GetProperty("profile").GetProperty("painRule").GetString());
        }
    }

    [Fact]
    public async Task CheckIn_Put_SavesThroughTheMorningReview_AndTodayShowsTheSession()
    {
        var (_, id, api) = await PatientAsync("api-checkin@example.com");
        var before = await JsonAsync(await api.GetAsync("/api/v1/me/today"));
        Assert.Equal("no-check-in", before.GetProperty("status").GetString());

        var saved = await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json(GoodCheckIn)));
        Assert.Equal(20, saved.GetProperty("sportMinutes").GetProperty("running").GetInt32());
        var row = Assert.Single(await CheckInPatients.CheckInsAsync(factory, id));
        Assert.Equal((2, 10, 1), (row.PainMorning, row.StiffnessMinutes, row.PainNow));
        // The engine ran after it, as after the page's check-in (SPEC §6): today's doses exist.
        Assert.True(await factory.InDatabaseAsync(db => db.Doses.AnyAsync(d => d.AccountId == id && d.EffectiveFrom == row.Date)));

        var today = await JsonAsync(await api.GetAsync("/api/v1/me/today"));
        Assert.Equal("ready", today.GetProperty("status").GetString());
        Assert.Equal("restore", today.GetProperty("phase").GetString());
        var exercises = today.GetProperty("session").GetProperty("exercises").EnumerateArray().ToList();
        Assert.Contains(exercises, e => e.GetProperty("exercise").GetString() == "straight-leg-raise" && e.GetProperty("sets").GetInt32() >= 2
            && e.GetProperty("reason").GetString()!.Length > 0);
        Assert.Equal(JsonValueKind.Number, today.GetProperty("sport").GetProperty("capMinutes").ValueKind);

        var range = await JsonAsync(await api.GetAsync($"/api/v1/me/check-ins?from={Today}&to={Today}"));
        Assert.Equal(2, Assert.Single(range.GetProperty("checkIns").EnumerateArray()).GetProperty("painMorning").GetInt32());
    }

    [Fact]
    public async Task CheckIn_Put_BadBody_NamesEveryField_AndStoresNothing()
    {
        var (_, id, api) = await PatientAsync("api-checkin-bad@example.com");
        var errors = await ValidationErrorsAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json(
            """{"painMorning":"3","stiffnessMinutes":3.0,"painNow":11,"warningSigns":["hop-pain"],"sportMinutes":{"swimming":10,"running":-1},"hopTest":"Painful","extra":true}""")));
        Assert.Equal(["extra", "hopTest", "painMorning", "painNow", "sportMinutes.running", "sportMinutes.swimming", "stiffnessMinutes", "warningSigns"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["warningSigns[0]"], (await ValidationErrorsAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}",
            Json("""{"painMorning":1,"stiffnessMinutes":0,"painNow":1,"warningSigns":["Fever"]}""")))).Keys); // case matters (SPEC §2)
        var missing = await ValidationErrorsAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json("""{"painMorning":1,"stiffnessMinutes":0,"painNow":1}""")));
        Assert.Equal(["warningSigns"], missing.Keys); // no answer about warning signs is never "none" (F3)
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await api.PutAsync($"/api/v1/me/check-ins/{Today}", new StringContent(GoodCheckIn, System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Empty(await CheckInPatients.CheckInsAsync(factory, id));
    }

    [Fact]
    public async Task CheckIn_Put_AnotherDay_Is409_AndStoresNothing()
    {
        // Yesterday's is a late check-in (issue 14, OfflineSyncTests); two days ago and tomorrow are refused.
        var (_, id, api) = await PatientAsync("api-checkin-yesterday@example.com");
        foreach (var days in new[] { -2, 1 })
        {
            var day = CheckInPatients.Today(factory).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync($"/api/v1/me/check-ins/{day}", Json(GoodCheckIn))).StatusCode);
        }
        Assert.Equal(["date"], (await ValidationErrorsAsync(await api.PutAsync("/api/v1/me/check-ins/2026-13-40", Json(GoodCheckIn)))).Keys);
        Assert.Empty(await CheckInPatients.CheckInsAsync(factory, id));
    }

    [Fact]
    public async Task CheckIn_WarningSign_PausesTheProgram_AsOnThePage()
    {
        var (_, _, api) = await PatientAsync("api-checkin-fever@example.com");
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}",
            Json("""{"painMorning":2,"stiffnessMinutes":10,"painNow":1,"warningSigns":["fever"]}""")));
        var today = await JsonAsync(await api.GetAsync("/api/v1/me/today"));
        Assert.Equal("paused-for-warning-sign", today.GetProperty("status").GetString());
        Assert.False(today.GetProperty("canExercise").GetBoolean());
    }

    [Fact]
    public async Task AnotherPatient_SeesOnlyTheirOwn_AndCannotChangeTheFirstPatientsData()
    {
        var (_, firstId, first) = await PatientAsync("api-first@example.com");
        await JsonAsync(await first.PutAsync($"/api/v1/me/check-ins/{Today}", Json(GoodCheckIn)));
        var (_, secondId, second) = await PatientAsync("api-second@example.com");

        Assert.Equal(secondId, (await JsonAsync(await second.GetAsync("/api/v1/me"))).GetProperty("id").GetString());
        Assert.Empty((await JsonAsync(await second.GetAsync("/api/v1/me/check-ins"))).GetProperty("checkIns").EnumerateArray());
        var export = await (await second.GetAsync("/api/v1/me/export")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(firstId, export, StringComparison.Ordinal);
        Assert.Contains(secondId, export, StringComparison.Ordinal);

        // The second patient's write lands on their own row only.
        await JsonAsync(await second.PutAsync($"/api/v1/me/check-ins/{Today}", Json(GoodCheckIn.Replace("\"painNow\":1", "\"painNow\":4", StringComparison.Ordinal))));
        Assert.Equal(1, Assert.Single(await CheckInPatients.CheckInsAsync(factory, firstId)).PainNow);
        Assert.Equal(4, Assert.Single(await CheckInPatients.CheckInsAsync(factory, secondId)).PainNow);
    }

    [Fact]
    public async Task CalendarFeed_Reset_GivesANewAddress_AndTheOldOneIs404()
    {
        var (client, _, api) = await PatientAsync("api-feed@example.com");
        var first = (await JsonAsync(await api.PostAsync("/api/v1/me/calendar-feed", null))).GetProperty("feedUrl").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        var second = (await JsonAsync(await api.PostAsync("/api/v1/me/calendar-feed", null))).GetProperty("feedUrl").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        // A cross-site form cannot do it with the cookie: a form body is refused.
        var form = await client.Http.PostAsync("/api/v1/me/calendar-feed", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }
}
