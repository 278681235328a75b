using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using IlioCare.Web.Features.Onboarding;
using IlioCare.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Reminders (F12): the settings page and the iCalendar feed at a secret, resettable address. Patients are
/// onboarded through the real forms in Europe/Paris with a session at 18:30 (<see cref="Patients.OnboardAsync"/>).
/// </summary>
public sealed partial class ReminderTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private async Task<(FormClient Client, string Token)> PatientAsync(string email)
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, email);
        var html = await (await client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        return (client, FeedUrl().Match(html).Groups[1].Value);
    }

    private async Task<Calendar> FeedAsync(string token)
    {
        var response = await new FormClient(factory).GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private static CalendarEvent Daily(Calendar calendar) => Assert.Single(calendar.Events, e => e.Summary == ReminderCalendar.DailySummary);

    /// <summary>Issue 16: a calendar app sends no language, so the feed's words follow the account's saved language.</summary>
    [Fact]
    public async Task Feed_IsInTheAccountsLanguage()
    {
        var (_, token) = await PatientAsync("feed-es@example.com");
        await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "feed-es@example.com").ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "es")));
        var calendar = await FeedAsync(token);
        var daily = Assert.Single(calendar.Events, e => e.Summary == "IlioCare: la sesión de hoy");
        Assert.StartsWith("Abre Hoy para hacer tu sesión: http", daily.Description, StringComparison.Ordinal);
        Assert.Contains(calendar.Events, e => e.Summary == "IlioCare: mira el límite de deporte de esta semana");
        Assert.DoesNotContain(calendar.Events, e => e.Summary == ReminderCalendar.DailySummary);
    }

    [Fact]
    public async Task RemindersPage_CreatesAUrlSafeTokenOfAtLeast128Bits_OnFirstRequest_AndKeepsIt()
    {
        var (client, token) = await PatientAsync("first-request@example.com");
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token); // 43 base64url characters = 256 bits
        Assert.Equal(token, await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.CalendarFeedToken == token).Select(p => p.CalendarFeedToken).SingleAsync()));
        var again = await (await client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Equal(token, FeedUrl().Match(again).Groups[1].Value);
        Assert.Contains($"href=\"webcal://localhost/calendar/{token}.ics\"", again, StringComparison.Ordinal);
        var (_, other) = await PatientAsync("first-request-2@example.com");
        Assert.NotEqual(token, other);
    }

    [Fact]
    public async Task Feed_ParsesBack_WithTheDailySessionAtTheUsersTimeInTheirZone_AndTheWeeklyCapCheck()
    {
        var (_, token) = await PatientAsync("feed@example.com");
        var calendar = await FeedAsync(token);

        Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
        var daily = Daily(calendar);
        Assert.Equal("Europe/Paris", daily.Start!.TzId);
        Assert.Equal(new TimeOnly(18, 30), daily.Start.Time);
        Assert.Equal(FrequencyType.Daily, daily.RecurrenceRule!.Frequency);
        Assert.Equal(30, daily.Duration!.Value.Minutes);
        Assert.Equal("/today", daily.Url!.AbsolutePath);
        // The feed cannot know about a pause when the app fetched it hours ago: the event points to Today and says so.
        Assert.Contains("If a warning sign has paused your program, do not exercise", daily.Description, StringComparison.Ordinal);

        var weekly = Assert.Single(calendar.Events, e => e.Summary == ReminderCalendar.WeeklySummary);
        Assert.Equal(FrequencyType.Weekly, weekly.RecurrenceRule!.Frequency);
        Assert.Equal(DayOfWeek.Monday, Assert.Single(weekly.RecurrenceRule.ByDay).DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, weekly.Start!.DayOfWeek);
        Assert.Equal("/check-in", weekly.Url!.AbsolutePath);

        // Stable UIDs: the same feed fetched again (later) names the same events, so apps update, not duplicate.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var again = await FeedAsync(token);
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
        Assert.Equal(daily.Start, Daily(again).Start);
    }

    public static TheoryData<int, int, int> DaylightSavingChanges => new()
    {
        // month, UTC hour of 18:30 Paris on the Saturday before the change, on the Monday after it
        { 3, 17, 16 }, // last Sunday of March: CET (+1) → CEST (+2)
        { 10, 16, 17 }, // last Sunday of October: CEST (+2) → CET (+1)
    };

    [Theory]
    [MemberData(nameof(DaylightSavingChanges))]
    public async Task Feed_KeepsTheSameLocalTime_AcrossADaylightSavingChange(int month, int utcHourBefore, int utcHourAfter)
    {
        var (_, token) = await PatientAsync($"dst-{month}@example.com");
        var daily = Daily(await FeedAsync(token));
        // Next year's change is always after the feed's first day (the day of onboarding, today).
        var year = factory.Clock.GetUtcNow().Year + 1;
        var lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var sunday = lastDay.AddDays(-(int)lastDay.DayOfWeek);
        var occurrences = daily.GetOccurrences(new CalDateTime(sunday.AddDays(-1), new TimeOnly(0, 0), "Europe/Paris"))
            .Take(3).Select(o => o.Period.StartTime).ToList();

        Assert.Equal(new[] { sunday.AddDays(-1), sunday, sunday.AddDays(1) }, occurrences.Select(o => o.Date));
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(18, 30), o.Time));
        Assert.Equal(new DateTime(sunday.AddDays(-1), new TimeOnly(utcHourBefore, 30), DateTimeKind.Utc), occurrences[0].AsUtc);
        Assert.Equal(new DateTime(sunday.AddDays(1), new TimeOnly(utcHourAfter, 30), DateTimeKind.Utc), occurrences[2].AsUtc);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well formed, nobody's
    [InlineData("short")]
    [InlineData("not-a-token-because-it-has-a-dot.in-it-xxxxx")]
    public async Task Feed_UnknownOrMalformedToken_Is404(string token)
    {
        await PatientAsync($"unknown-{token.Length}-{Guid.NewGuid():N}@example.com"); // a real feed exists
        var response = await new FormClient(factory).GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_TokenInAnotherCase_Is404()
    {
        var (_, token) = await PatientAsync("case@example.com");
        var flipped = new string(token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        Assert.NotEqual(token, flipped);
        Assert.Equal(HttpStatusCode.NotFound, (await new FormClient(factory).GetAsync($"/calendar/{flipped}.ics")).StatusCode);
    }

    [Fact]
    public async Task ResetTheLink_ReplacesTheToken_TheOldUrlIs404_AndTheNewOneWorks()
    {
        var (client, old) = await PatientAsync("reset@example.com");
        var response = await client.PostFormAsync("/reminders", "reset-feed", []);
        Assert.Equal("/reminders?reset=1", PathOf(response));
        var html = await (await client.FollowAsync(response)).Content.ReadAsStringAsync();
        var fresh = FeedUrl().Match(html).Groups[1].Value;

        Assert.Matches("^[A-Za-z0-9_-]{43}$", fresh);
        Assert.NotEqual(old, fresh);
        Assert.Contains("The old one no longer works", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await new FormClient(factory).GetAsync($"/calendar/{old}.ics")).StatusCode);
        Assert.Equal(new TimeOnly(18, 30), Daily(await FeedAsync(fresh)).Start!.Time);
    }

    [Fact]
    public async Task RemindersPage_ShowsTheUrlOnlyToItsOwner()
    {
        var (alice, aliceToken) = await PatientAsync("alice-reminders@example.com");
        var (bob, bobToken) = await PatientAsync("bob-reminders@example.com");
        var alicePage = await (await alice.GetAsync("/reminders")).Content.ReadAsStringAsync();
        var bobPage = await (await bob.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Contains(aliceToken, alicePage, StringComparison.Ordinal);
        Assert.DoesNotContain(bobToken, alicePage, StringComparison.Ordinal);
        Assert.Contains(bobToken, bobPage, StringComparison.Ordinal);
        Assert.DoesNotContain(aliceToken, bobPage, StringComparison.Ordinal);

        // Bob resetting his link leaves Alice's alone.
        await bob.PostFormAsync("/reminders", "reset-feed", []);
        Assert.Equal(HttpStatusCode.OK, (await new FormClient(factory).GetAsync($"/calendar/{aliceToken}.ics")).StatusCode);

        var signedOut = await new FormClient(factory).GetAsync("/reminders");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/sign-in", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeTheSessionTime_IsStored_AndTheFeedFollows()
    {
        var (client, token) = await PatientAsync("new-time@example.com");
        var response = await client.PostFormAsync("/reminders", "session-time", [F("Time.SessionTime", "07:15")]);
        Assert.Equal("/reminders?saved=1", PathOf(response));
        Assert.Contains("Your session time is now 07:15", await (await client.FollowAsync(response)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(7, 15), await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.CalendarFeedToken == token).Select(p => p.DailySessionTime).SingleAsync()));
        var daily = Daily(await FeedAsync(token));
        Assert.Equal(new TimeOnly(7, 15), daily.Start!.Time);
        Assert.Equal("Europe/Paris", daily.Start.TzId);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("7pm")]
    [InlineData("18:30:00")]
    [InlineData("")]
    [InlineData("18.30")]
    public async Task ChangeTheSessionTime_BadInput_ShowsAFieldMessage_AndStoresNothing(string value)
    {
        var (client, token) = await PatientAsync($"bad-time-{Guid.NewGuid():N}@example.com");
        var response = await client.PostFormAsync("/reminders", "session-time", [F("Time.SessionTime", value)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"field-error\" id=\"sessionTime-error\"><span>Enter a time like 18:30", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(18, 30), await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.CalendarFeedToken == token).Select(p => p.DailySessionTime).SingleAsync()));
    }

    [Fact]
    public async Task RemindersPage_NotOnboarded_AsksToSetUpTheProgram_AndMakesNoToken()
    {
        var client = new FormClient(factory);
        var id = (await Patients.TakeAssessmentAsync(client)).Split('/').Last();
        await Patients.SignUpAsync(client, "reminders-not-onboarded@example.com", id);
        var html = await (await client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"/onboarding\">Set up your program</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/calendar/", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> Zones => new(TimeZones.Offered);

    [Theory]
    [MemberData(nameof(Zones))]
    public void Feed_BuildsForEveryOfferedTimeZone_AtTheLocalSessionTime(string zone)
    {
        var ics = ReminderCalendar.Build(new ReminderSchedule("account", zone, new TimeOnly(6, 45), new DateOnly(2027, 1, 6)),
            new Uri("https://iliocare.example/"), new DateTime(2027, 1, 6, 12, 0, 0, DateTimeKind.Utc));
        var daily = Daily(Calendar.Load(ics)!);
        Assert.Equal(new TimeOnly(6, 45), daily.Start!.Time);
        Assert.Equal(new DateOnly(2027, 1, 6), daily.Start.Date);
        Assert.Equal(zone == "UTC", daily.Start.IsUtc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(daily.GetOccurrences(new CalDateTime(new DateOnly(2027, 7, 1), new TimeOnly(0, 0), zone)).First().Period.StartTime.AsUtc,
            TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(new TimeOnly(6, 45), TimeOnly.FromDateTime(local)); // summer too, wherever the clocks change
    }

    [GeneratedRegex("/calendar/([A-Za-z0-9_-]+)\\.ics")]
    private static partial Regex FeedUrl();
}
