using IlioCare.Data;
using IlioCare.Web.Features.Reminders;
using IlioCare.Web.Features.Reminders.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>
/// The reminder scheduler on the fake clock across Europe/Madrid's daylight-saving changes of 2027: a session at 02:30,
/// the hour March skips and October repeats, goes once each local day at the local time (or at 03:00 when 02:30 does
/// not exist).
/// </summary>
public sealed class ReminderDaylightSavingTests(PushFactory factory) : IClassFixture<PushFactory>
{
    private async Task WalkAsync(DateTimeOffset from, DateTimeOffset to)
    {
        factory.Clock.SetUtcNow(from);
        while (factory.Clock.GetUtcNow() < to)
        {
            await factory.RunRemindersAsync();
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
        }
    }

    [Fact]
    public async Task SessionReminder_FiresAtTheLocalTime_OncePerDay_AcrossBothDaylightSavingChanges()
    {
        var (client, id, _) = await OnboardedPatientAsync(factory, "dst-madrid@example.com");
        var device = new BrowserSubscription($"{factory.PushService.Origin}/push/{Guid.NewGuid():N}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
        await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.AccountId == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.TimeZoneId, "Europe/Madrid").SetProperty(p => p.DailySessionTime, new TimeOnly(2, 30))));

        await WalkAsync(new(2027, 3, 26, 22, 0, 0, TimeSpan.Zero), new(2027, 3, 29, 3, 0, 0, TimeSpan.Zero));
        await WalkAsync(new(2027, 10, 29, 22, 0, 0, TimeSpan.Zero), new(2027, 11, 1, 3, 0, 0, TimeSpan.Zero));

        var sent = await factory.InDatabaseAsync(db => db.ReminderDeliveries
            .Where(d => d.AccountId == id && d.Kind == ReminderKind.SessionReminder).OrderBy(d => d.Id)
            .Select(d => new { d.LocalDate, d.SentAtUtc, d.Channel }).ToListAsync());
        Assert.Equal(
        [
            (new DateOnly(2027, 3, 27), new DateTime(2027, 3, 27, 1, 30, 0)),   // CET: 02:30 is 01:30 UTC
            (new DateOnly(2027, 3, 28), new DateTime(2027, 3, 28, 1, 0, 0)),    // 02:00 jumps to 03:00: sent at 03:00 local
            (new DateOnly(2027, 3, 29), new DateTime(2027, 3, 29, 0, 30, 0)),   // CEST: 00:30 UTC
            (new DateOnly(2027, 10, 30), new DateTime(2027, 10, 30, 0, 30, 0)), // CEST
            (new DateOnly(2027, 10, 31), new DateTime(2027, 10, 31, 0, 30, 0)), // the first 02:30; the second one (01:30 UTC) sends nothing
            (new DateOnly(2027, 11, 1), new DateTime(2027, 11, 1, 1, 30, 0)),   // CET again
        ], sent.Select(s => (s.LocalDate, s.SentAtUtc!.Value)).ToList());
        Assert.All(sent, s => Assert.Equal("push", s.Channel));
        // Each of them reached the device once (the nudges of those mornings are the other messages).
        Assert.Equal(6, factory.PushService.To(device.Endpoint).Count(r =>
            System.Text.Json.JsonDocument.Parse(device.Decrypt(r)).RootElement.GetProperty("body").GetString() == "Time for today's session. Open IlioCare to start."));
    }
}

/// <summary>Two instances of the app on one database (SPEC §8) run their schedulers at once: each reminder goes once.</summary>
public sealed class ReminderInstancesTests(PushFactory factory) : IClassFixture<PushFactory>
{
    [Fact]
    public async Task TwoSchedulersAtOnce_SendEachReminderOnce_AndADeadInstancesClaimIsTakenWhenItsLeaseRunsOut()
    {
        var devices = new List<(string Id, BrowserSubscription Device)>();
        for (var i = 0; i < 6; i++)
        {
            var (client, id, _) = await OnboardedPatientAsync(factory, $"instances-{i}@example.com");
            await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers()); // no nudge: only the session reminder
            var device = new BrowserSubscription($"{factory.PushService.Origin}/push/{Guid.NewGuid():N}");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
            devices.Add((id, device));
        }
        await using var second = factory.AnotherInstance();
        var a = factory.Services.GetRequiredService<ReminderScheduler>();
        var b = second.Services.GetRequiredService<ReminderScheduler>();
        PushReminderTests.MoveToParis(factory, new TimeOnly(18, 30)); // one clock: the second instance's is its own
        second.Clock.SetUtcNow(factory.Clock.GetUtcNow());

        // An instance died while it held the first patient's reminder of today (unsent, its lease still running).
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.InDatabaseAsync(async db =>
        {
            db.ReminderDeliveries.Add(new ReminderDelivery
            {
                AccountId = devices[0].Id, Kind = ReminderKind.SessionReminder, LocalDate = CheckInPatients.Today(factory), CreatedAtUtc = now,
                LeaseOwner = "dead-instance", LeaseUntilUtc = now + ReminderScheduler.Lease,
            });
            return await db.SaveChangesAsync();
        });
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default), a.RunOnceAsync(default), b.RunOnceAsync(default));
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            second.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        foreach (var (_, device) in devices.Skip(1)) Assert.Single(factory.PushService.To(device.Endpoint));
        Assert.Empty(factory.PushService.To(devices[0].Device.Endpoint)); // its lease still holds

        // The dead instance's lease runs out: the next round takes the reminder and sends it, once.
        var leaseEnd = await factory.InDatabaseAsync(db => db.ReminderDeliveries.Where(d => d.AccountId == devices[0].Id).Select(d => d.LeaseUntilUtc!.Value).SingleAsync());
        var wait = leaseEnd - factory.Clock.GetUtcNow().UtcDateTime;
        Assert.True(wait > TimeSpan.Zero);
        Assert.True(wait < DueReminders.CatchUp, "the test's lease must end within the reminder's window");
        factory.Clock.Advance(wait + TimeSpan.FromSeconds(1));
        second.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default));
        Assert.Single(factory.PushService.To(devices[0].Device.Endpoint));
        Assert.Equal(6, await factory.InDatabaseAsync(db => db.ReminderDeliveries.CountAsync(d => d.Kind == ReminderKind.SessionReminder && d.SentAtUtc != null)));
    }
}
