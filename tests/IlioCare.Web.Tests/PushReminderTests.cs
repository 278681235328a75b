using System.Net;
using System.Text.Json;
using IlioCare.Data;
using IlioCare.Web.Features.Reminders;
using IlioCare.Web.Features.Reminders.Push;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>
/// Reminders that reach you (issue 14): a patient's device subscribes over the API, the scheduler's round at the
/// session time pushes to a push service on loopback, and the test — playing the browser — checks the VAPID JWT and
/// decrypts the aes128gcm payload itself. Patients are onboarded in Europe/Paris with a session at 18:30.
/// </summary>
public sealed class PushReminderTests(PushFactory factory) : IClassFixture<PushFactory>
{
    /// <summary>Words that would tell a lock screen's reader about someone's health (H202).</summary>
    internal static readonly string[] HealthWords =
        ["pain", "warning", "sign", "fever", "phase", "settle", "restore", "flare", "doctor", "hip", "injur", "stop", "paused", "@"];

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Moves the app's clock on to the next <paramref name="local"/> in Paris.</summary>
    internal static void MoveToParis(IlioCareFactory factory, TimeOnly local)
    {
        var now = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris);
        var next = now.Date.Add(local.ToTimeSpan());
        if (next <= now.DateTime) next = next.AddDays(1);
        factory.Clock.Advance(next - now.DateTime);
    }

    private async Task<(FormClient Client, string Id, BrowserSubscription Device)> SubscribedPatientAsync(string email, string path = "push")
    {
        var (client, id, _) = await OnboardedPatientAsync(factory, email);
        var device = new BrowserSubscription($"{factory.PushService.Origin}/{path}/{Guid.NewGuid():N}");
        var response = await client.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (client, id, device);
    }

    [Fact]
    public async Task DailyReminder_AtTheSessionTime_IsAPushARealBrowserCanDecrypt_WithNoHealthDetail_AndGoesOnce()
    {
        var (client, _, device) = await SubscribedPatientAsync("push-daily@example.com");
        var serverKey = (await JsonAsync(await client.GetAsync("/api/v1/me/push/public-key"))).GetProperty("publicKey").GetString();
        // The check-in is done, so only the session reminder is due (no nudge).
        await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers());

        MoveToParis(factory, new TimeOnly(18, 29));
        await factory.RunRemindersAsync();
        Assert.Empty(factory.PushService.To(device.Endpoint)); // not before the session time

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.RunRemindersAsync();
        var request = Assert.Single(factory.PushService.To(device.Endpoint));
        Assert.Equal("POST", request.Method);
        Assert.True(int.Parse(request.Headers["TTL"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var (k, _) = BrowserSubscription.CheckVapid(request);
        Assert.Equal(serverKey, k); // signed with the key the browser subscribed with

        var message = JsonDocument.Parse(device.Decrypt(request)).RootElement;
        Assert.Equal("Time for today's session. Open IlioCare to start.", message.GetProperty("body").GetString());
        Assert.Equal("/today", message.GetProperty("url").GetString());
        var text = message.GetProperty("title").GetString() + " " + message.GetProperty("body").GetString();
        Assert.All(HealthWords, w => Assert.DoesNotContain(w, text, StringComparison.OrdinalIgnoreCase));

        // Later rounds the same day send nothing more.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunRemindersAsync();
        Assert.Single(factory.PushService.To(device.Endpoint));
    }

    [Fact]
    public async Task MissedCheckInYesterday_GetsAGentleNudgeInTheMorning_NotWhenCheckedInToday()
    {
        var (client, _, device) = await SubscribedPatientAsync("push-nudge@example.com");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        MoveToParis(factory, new TimeOnly(10, 5)); // the next morning: yesterday (the first day) had no check-in
        await factory.RunRemindersAsync();
        var nudge = Assert.Single(factory.PushService.To(device.Endpoint));
        Assert.Equal("We missed you yesterday. A short check-in today keeps your program on track.", JsonDocument.Parse(device.Decrypt(nudge)).RootElement.GetProperty("body").GetString());

        // The next day: checked in before ten → no nudge (yesterday is missing again, but today's is done).
        MoveToParis(factory, new TimeOnly(9, 0));
        await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers());
        factory.Clock.Advance(TimeSpan.FromMinutes(65));
        await factory.RunRemindersAsync();
        Assert.Single(factory.PushService.To(device.Endpoint));
    }

    [Fact]
    public async Task WhilePausedByAWarningSign_NoReminderGoes_AndTheCalendarFeedListsNoSession()
    {
        var (client, id, device) = await SubscribedPatientAsync("push-paused@example.com");
        await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers(sign: "fever"));
        MoveToParis(factory, new TimeOnly(18, 31));
        await factory.RunRemindersAsync();
        factory.Clock.Advance(TimeSpan.FromHours(16)); // the next morning's nudge time, still paused
        await factory.RunRemindersAsync();
        Assert.Empty(factory.PushService.To(device.Endpoint));
        Assert.False(await factory.InDatabaseAsync(db => db.ReminderDeliveries.AnyAsync(d => d.AccountId == id)));

        var html = await (await client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "/calendar/([A-Za-z0-9_-]{43})\\.ics").Groups[1].Value;
        var feed = Ical.Net.Calendar.Load(await (await new FormClient(factory).GetAsync($"/calendar/{token}.ics")).Content.ReadAsStringAsync())!;
        Assert.DoesNotContain(feed.Events, e => e.Summary == ReminderCalendar.DailySummary);
        Assert.Contains(feed.Events, e => e.Summary == ReminderCalendar.PausedSummary);
    }

    [Fact]
    public async Task WithoutADevice_TheEmailOptIn_SendsTheReminderByMail_AndWithoutItNothingGoes()
    {
        var (asked, askedId, _) = await OnboardedPatientAsync(factory, "mail-reminder@example.com");
        var (_, quietId, _) = await OnboardedPatientAsync(factory, "mail-quiet@example.com");
        // The choice is a plain form on /reminders (no JavaScript).
        var page = await (await asked.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Contains("Reminders by e-mail", page, StringComparison.Ordinal);
        await asked.PostFormAsync("/reminders", "email-reminders", [FormClient.F("Email.On", "true")]);
        Assert.True(await factory.InDatabaseAsync(db => db.NotificationPreferences.AnyAsync(n => n.AccountId == askedId && n.EmailReminders)));

        MoveToParis(factory, new TimeOnly(18, 30));
        await factory.RunRemindersAsync();
        var mail = await factory.MailAsync("mail-reminder@example.com", "Subject: Your IlioCare session today");
        Assert.NotNull(mail);
        Assert.Contains("/today", mail, StringComparison.Ordinal);
        Assert.Contains("/reminders", mail, StringComparison.Ordinal); // how to stop them
        foreach (var word in new[] { "pain", "warning", "phase", "fever" })
            Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("email", await factory.InDatabaseAsync(db => db.ReminderDeliveries
            .Where(d => d.AccountId == askedId && d.Kind == ReminderKind.SessionReminder).Select(d => d.Channel).SingleAsync()));
        Assert.False(await factory.InDatabaseAsync(db => db.ReminderDeliveries.AnyAsync(d => d.AccountId == quietId)));
    }

    [Fact]
    public async Task PushServiceAnswering410_DeletesTheSubscription()
    {
        var (client, id, device) = await SubscribedPatientAsync("push-gone@example.com", path: "gone");
        await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers());
        MoveToParis(factory, new TimeOnly(18, 30));
        await factory.RunRemindersAsync();
        Assert.Single(factory.PushService.To(device.Endpoint));
        Assert.False(await factory.InDatabaseAsync(db => db.PushSubscriptions.AnyAsync(s => s.AccountId == id)));
    }

    /// <summary>A double tap on "turn on", or two tabs: the same device sent at once is one row and never a 5xx.</summary>
    [Fact]
    public async Task Subscribe_TheSameDeviceFourTimesAtOnce_IsOneRow_AndNeverA5xx()
    {
        var (client, id, _) = await SubscribedPatientAsync("push-race@example.com");
        var device = new BrowserSubscription($"{factory.PushService.Origin}/race/{Guid.NewGuid():N}");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.PushSubscriptions.CountAsync(s => s.Endpoint == device.Endpoint)));
        var choices = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Http.PutAsync("/api/v1/me/notifications", Json("""{"emailReminders":true}"""))));
        Assert.All(choices, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.NotificationPreferences.CountAsync(n => n.AccountId == id)));
    }

    [Fact]
    public async Task Subscribe_BadInput_Is400NamingEachField_AndStoresNothing_OneRowPerDevice()
    {
        var (client, id, device) = await SubscribedPatientAsync("push-bad@example.com");
        var errors = await ValidationErrorsAsync(await client.Http.PostAsync("/api/v1/me/push-subscriptions",
            Json("""{"endpoint":"https://intranet.example/steal","keys":{"p256dh":"AAAA","auth":"short"}}""")));
        Assert.Equal(["endpoint", "keys.auth", "keys.p256dh"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("keys", (await ValidationErrorsAsync(await client.Http.PostAsync("/api/v1/me/push-subscriptions",
            Json($$"""{"endpoint":"{{device.Endpoint}}"}""")))).Keys);
        // The same device again: still one row.
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.PushSubscriptions.CountAsync(s => s.AccountId == id)));

        // Another patient signs in on this browser and subscribes it: the device moves to them, never doubled.
        var (other, otherId, _) = await OnboardedPatientAsync(factory, "push-bad-2@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await other.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
        Assert.Equal(otherId, await factory.InDatabaseAsync(db => db.PushSubscriptions.Where(s => s.Endpoint == device.Endpoint).Select(s => s.AccountId).SingleAsync()));

        // Turning this device off: the first patient no longer owns it (404); its owner does (204).
        var off = "/api/v1/me/push-subscriptions?endpoint=" + Uri.EscapeDataString(device.Endpoint);
        var request = new HttpRequestMessage(HttpMethod.Delete, off) { Content = Json("") };
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await other.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, off) { Content = Json("") })).StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.PushSubscriptions.AnyAsync(s => s.Endpoint == device.Endpoint)));
    }

    [Fact]
    public async Task DeletingTheAccount_DeletesItsDevicesAndChoices()
    {
        var (client, id, _) = await SubscribedPatientAsync("push-delete@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.PutAsync("/api/v1/me/notifications", Json("""{"emailReminders":true}"""))).StatusCode);
        var deleted = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = Json($$"""{"password":"{{Patients.Password}}"}""") });
        Assert.True(deleted.IsSuccessStatusCode, deleted.StatusCode.ToString());
        Assert.False(await factory.InDatabaseAsync(db => db.PushSubscriptions.AnyAsync(s => s.AccountId == id)));
        Assert.False(await factory.InDatabaseAsync(db => db.NotificationPreferences.AnyAsync(s => s.AccountId == id)));
    }

    [Fact]
    public async Task VapidPrivateKey_IsEncryptedAtRest_AndTheSameForEveryInstance()
    {
        var pair = await factory.Services.GetRequiredService<VapidKeys>().GetAsync(default);
        var row = await factory.InDatabaseAsync(db => db.WebPushKeys.SingleAsync());
        Assert.Equal(pair.PublicKey, row.PublicKey);
        Assert.DoesNotContain(pair.PrivateKey, row.PrivateKeyProtected, StringComparison.Ordinal);
        Assert.Equal(pair.PrivateKey, new AtRestKey(Convert.FromBase64String(factory.DataProtectionKey)).Decrypt(VapidKeys.Purpose, row.PrivateKeyProtected));
        await using var second = factory.AnotherInstance();
        Assert.Equal(pair, await second.Services.GetRequiredService<VapidKeys>().GetAsync(default));
    }

    [Fact]
    public async Task NotificationSettings_Api_PatientsCannotTurnOnClinicianAlerts()
    {
        var (_, _, api) = await OnboardedPatientAsync(factory, "push-settings@example.com");
        var errors = await ValidationErrorsAsync(await api.PutAsync("/api/v1/me/notifications", Json("""{"warningSignAlertEmails":true,"emailReminders":"yes"}""")));
        Assert.Contains("warningSignAlertEmails", errors.Keys);
        Assert.Contains("emailReminders", errors.Keys);
        var saved = await JsonAsync(await api.PutAsync("/api/v1/me/notifications", Json("""{"emailReminders":true}""")));
        Assert.True(saved.GetProperty("emailReminders").GetBoolean());
        Assert.False(saved.GetProperty("warningSignAlertEmails").GetBoolean());
        Assert.True((await JsonAsync(await api.GetAsync("/api/v1/me/notifications"))).GetProperty("emailReminders").GetBoolean());
    }
}
