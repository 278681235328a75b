using System.Globalization;
using System.Net;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 14, the server half of offline use: a post the phone queued and sends again is stored once (idempotency
/// keys, also when copies arrive together), and a check-in sent after midnight keeps its day under the late rule
/// (README "Where the spec allowed two readings"). Runs on SQLite and, in the Postgres test project, on PostgreSQL.
/// </summary>
public sealed class OfflineSyncTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Session = "/today/session/straight-leg-raise";

    [Fact]
    public async Task CheckIn_SentTwiceWithOneKey_IsStoredOnce_ANewKeyEditsIt()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "key-twice@example.com");
        var key = Guid.NewGuid().ToString();

        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(client, [.. Answers(painMorning: 2), .. Keyed(key, Today(factory))])));
        // The replay of the same post (here with other answers, to see which one stands): nothing is written again.
        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(client, [.. Answers(painMorning: 6), .. Keyed(key, Today(factory))])));
        Assert.Equal(2, Assert.Single(await CheckInsAsync(factory, id)).PainMorning);
        Assert.Equal(1, await KeysAsync(id));

        // A new showing of the form is a new answer: it edits today's check-in as before.
        await CheckInAsync(client, [.. Answers(painMorning: 6), .. Keyed(Guid.NewGuid().ToString(), Today(factory))]);
        Assert.Equal(6, Assert.Single(await CheckInsAsync(factory, id)).PainMorning);
    }

    [Fact]
    public async Task CheckInPage_RendersTheDateAndAFreshKeyPerShowing()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, "key-render@example.com");
        var first = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Form.Date\" value=\"{Iso(Today(factory))}\"", first, StringComparison.Ordinal);
        Assert.NotEqual(KeyIn(first), KeyIn(second));
    }

    [Fact]
    public async Task ExerciseLog_ConcurrentCopiesOfOnePost_StoreOnce_AndNeverAnswer5xx()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "key-race@example.com");
        await CheckInAsync(client, Answers());
        var key = Guid.NewGuid().ToString();
        var date = Iso(Today(factory));
        // Six copies of one queued post (two tabs replaying, a retry after a lost answer), sent at the same moment;
        // half of them say "pain went up", so a copy that slipped through would show as a stop.
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < 6; i++)
        {
            posts.Add(await client.PreparePostAsync(Session, "exercise-log",
                [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", i == 0 ? "done" : "pain-went-up"), F("Form.DoneCount", "60"), // straight leg raise, 2×15 on each side
                 F("Form.Date", date), F("Form.RequestKey", key)]));
        }
        var first = await posts[0]();
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var responses = await Task.WhenAll(posts.Skip(1).Select(p => p()));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"answered {(int)r.StatusCode}"));

        var log = await factory.InDatabaseAsync(db => db.ExerciseLogs.SingleAsync(l => l.AccountId == id));
        Assert.Equal((true, false), (log.Completed, log.StoppedForPain));
        Assert.Equal(1, await KeysAsync(id));

        // Copies of a new post that all arrive before any is stored race past the key's read: the key's primary key
        // lets one through and the others, retried, find it — still no error answer, and one key.
        var again = Guid.NewGuid().ToString();
        var racing = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < 6; i++)
        {
            racing.Add(await client.PreparePostAsync(Session, "exercise-log",
                [F("Form.PainBefore", "2"), F("Form.PainDuring", $"{i}"), F("Form.Outcome", "done"), F("Form.DoneCount", "60"), F("Form.Date", date), F("Form.RequestKey", again)]));
        }
        Assert.All(await Task.WhenAll(racing.Select(p => p())), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, await KeysAsync(id));
        Assert.Equal(2, (await factory.InDatabaseAsync(db => db.ExerciseLogs.SingleAsync(l => l.AccountId == id))).PainBefore);
    }

    [Fact]
    public async Task ExerciseLog_MadeForAnEarlierDay_IsRefusedNotMovedToToday()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "log-late@example.com");
        await CheckInAsync(client, Answers());
        var response = await client.PostFormAsync(Session, "exercise-log",
            [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", "done"), F("Form.DoneCount", "60"), .. Keyed(Guid.NewGuid().ToString(), Today(factory).AddDays(-1))]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("sent too late", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == id).ToListAsync()));
    }

    [Fact]
    public async Task ExerciseLogApi_ConcurrentDuplicatesWithOneIdempotencyKey_StoreOnce()
    {
        var (_, id, api) = await OnboardedPatientAsync(factory, "key-api@example.com");
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{TodayIso(factory)}", Json("""{"painMorning":1,"stiffnessMinutes":5,"painNow":1,"warningSigns":[]}""")));
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Send(string outcome)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/exercise-logs")
            {
                Content = Json($$"""{"exercise":"straight-leg-raise","outcome":"{{outcome}}","painBefore":1,"painDuring":2}"""),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await api.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.Created, (await Send("done")).StatusCode);
        var copies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Send("pain-went-up")));
        Assert.All(copies, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.False((await factory.InDatabaseAsync(db => db.ExerciseLogs.SingleAsync(l => l.AccountId == id))).StoppedForPain);
        Assert.Equal(1, await KeysAsync(id));

        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/exercise-logs") { Content = Json("""{"exercise":"straight-leg-raise","outcome":"done","painBefore":1,"painDuring":2}""") };
        bad.Headers.Add("Idempotency-Key", "not a key!");
        Assert.Contains("Idempotency-Key", (await ValidationErrorsAsync(await api.SendAsync(bad))).Keys);
    }

    [Fact]
    public async Task LateCheckIn_ForYesterday_AfterMidnight_KeepsItsDay_AndRunsThatDaysReview()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "late-ok@example.com");
        await CheckInAsync(client, Answers());
        var day1 = Today(factory);
        // Day 2: the form is opened (and filled in offline); it is sent at 00:30 on day 3.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var day2 = Today(factory);
        factory.Clock.Advance(TimeSpan.FromHours(15.5));
        Assert.Equal(day2.AddDays(1), Today(factory));

        var response = await CheckInAsync(client, [.. Answers(painMorning: 4), .. Keyed(Guid.NewGuid().ToString(), day2)]);
        Assert.Equal("/check-in?saved=yesterday", PathOf(response));
        var rows = await CheckInsAsync(factory, id);
        Assert.Equal([day1, day2], rows.Select(c => c.Date));
        Assert.Equal(4, rows[1].PainMorning);
        // That day's review ran: the engine's dose of each exercise for day 2 exists.
        Assert.True(await factory.InDatabaseAsync(db => db.Doses.AnyAsync(d => d.AccountId == id && d.EffectiveFrom == day2)));
        Assert.False(await factory.InDatabaseAsync(db => db.Doses.AnyAsync(d => d.AccountId == id && d.EffectiveFrom > day2)));
    }

    [Fact]
    public async Task LateCheckIn_IsRefused_WhenALaterCheckInExists_TooOld_OrInTheFuture()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "late-refused@example.com");
        await CheckInAsync(client, Answers(painMorning: 1));
        var day1 = Today(factory);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(client, Answers(painMorning: 2));

        // Yesterday's, but today's check-in exists (its review judged from yesterday as it was): 409, nothing changes.
        var response = await CheckInAsync(client, [.. Answers(painMorning: 9), .. Keyed(Guid.NewGuid().ToString(), day1)]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already checked in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Two days old, and tomorrow's: 409. A date that is not one: 400.
        Assert.Equal(HttpStatusCode.Conflict, (await CheckInAsync(client, [.. Answers(), .. Keyed(Guid.NewGuid().ToString(), day1.AddDays(-1))])).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CheckInAsync(client, [.. Answers(), .. Keyed(Guid.NewGuid().ToString(), day1.AddDays(2))])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckInAsync(client, [.. Answers(), F("Form.Date", "yesterday"), F("Form.RequestKey", "k1")])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckInAsync(client, [.. Answers(), .. Keyed("bad key", day1.AddDays(1))])).StatusCode);

        Assert.Equal([1, 2], (await CheckInsAsync(factory, id)).Select(c => c.PainMorning));
        Assert.Equal(0, await KeysAsync(id)); // refused posts use no key up: the patient can send them again once fixed
    }

    [Fact]
    public async Task LateCheckIn_IsJudgedInThePatientsTimeZone_NotUtc()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "late-zone@example.com");
        var day = Today(factory);
        // 23:30 in Paris (UTC+1 in December) is 22:30 UTC: still the same day in both, and "yesterday" is day − 1.
        factory.Clock.Advance(TimeSpan.FromHours(14.5));
        Assert.Equal(day, Today(factory));
        // 00:30 in Paris is still 23:30 the day before in UTC: for the patient, day − 1 is now two days ago.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(day.AddDays(1), Today(factory));
        Assert.Equal(day, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));
        var tooOld = await CheckInAsync(client, [.. Answers(), .. Keyed(Guid.NewGuid().ToString(), day.AddDays(-1))]);
        Assert.Equal(HttpStatusCode.Conflict, tooOld.StatusCode);
        // …while the day that just ended in Paris (today in UTC) is yesterday and accepted.
        Assert.Equal("/check-in?saved=yesterday", PathOf(await CheckInAsync(client, [.. Answers(), .. Keyed(Guid.NewGuid().ToString(), day)])));
        Assert.Equal([day], (await CheckInsAsync(factory, id)).Select(c => c.Date));
    }

    [Fact]
    public async Task CheckInApi_AcceptsYesterdayUnderTheSameRule()
    {
        var (_, id, api) = await OnboardedPatientAsync(factory, "late-api@example.com");
        const string Body = """{"painMorning":3,"stiffnessMinutes":5,"painNow":1,"warningSigns":[]}""";
        var day1 = Today(factory);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Iso(day1)}", Json(Body)));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync($"/api/v1/me/check-ins/{Iso(day1.AddDays(-1))}", Json(Body))).StatusCode);
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Iso(day1.AddDays(1))}", Json(Body)));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync($"/api/v1/me/check-ins/{Iso(day1)}", Json(Body))).StatusCode);
        Assert.Equal([day1, day1.AddDays(1)], (await CheckInsAsync(factory, id)).Select(c => c.Date));
    }

    private static KeyValuePair<string, string>[] Keyed(string key, DateOnly date) => [F("Form.Date", Iso(date)), F("Form.RequestKey", key)];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KeyIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.RequestKey\" value=\"([^\"]+)\"").Groups[1].Value;

    private Task<int> KeysAsync(string accountId) =>
        factory.InDatabaseAsync(db => db.ProcessedRequests.CountAsync(r => r.AccountId == accountId));
}
