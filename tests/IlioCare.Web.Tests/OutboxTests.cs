using System.Net;
using IlioCare.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 18: nothing is lost and nothing is sent twice. Mails queued while the SMTP server is down wait and go when it
/// is back, each exactly once — from one instance, and from two instances on one database racing for the same rows.
/// </summary>
public sealed class OutboxTests(MailFactory factory) : IClassFixture<MailFactory>
{
    [Fact]
    public async Task SmtpServerDown_RequestsStillSucceed_AndEveryMailArrivesOnceWhenItIsBack()
    {
        var api = factory.CreateClient();
        await factory.Smtp.StopAsync();
        try
        {
            var addresses = Enumerable.Range(0, 6).Select(i => $"outbox-one-{i}@example.com").ToList();
            foreach (var address in addresses)
                Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("/api/v1/accounts", Json(Body(address)))).StatusCode);
            // The sender tried and failed: the rows wait with a back-off, none is sent.
            await WaitUntilAsync(() => factory.InDatabaseAsync(db => db.OutboxMails.AnyAsync(m => m.To.StartsWith("outbox-one-") && m.Attempts > 0)));
            Assert.False(await factory.InDatabaseAsync(db => db.OutboxMails.AnyAsync(m => m.To.StartsWith("outbox-one-") && m.SentAtUtc != null)));
            Assert.DoesNotContain(factory.Smtp.Received, m => TestSmtpServer.To(m).StartsWith("outbox-one-", StringComparison.Ordinal));

            factory.Smtp.Start();
            // Time passes (a minute every 200 ms): back-offs run out, polls come, until every row is sent.
            await WaitUntilAsync(() => factory.InDatabaseAsync(db => db.OutboxMails.Where(m => m.To.StartsWith("outbox-one-")).AllAsync(m => m.SentAtUtc != null)),
                () => factory.Clock.Advance(TimeSpan.FromMinutes(1)));
            foreach (var address in addresses) await factory.Smtp.WaitForAsync(address, "Confirm your e-mail address");
            await Task.Delay(500); // a second copy would have come by now
            foreach (var address in addresses)
                Assert.Single(factory.Smtp.Received, m => TestSmtpServer.To(m) == address);
            // Sent rows keep who and when, not the words: the link inside must not outlive its use.
            Assert.True(await factory.InDatabaseAsync(db => db.OutboxMails.Where(m => m.To.StartsWith("outbox-one-")).AllAsync(m => m.TextBody == "" && m.HtmlBody == "")));
        }
        finally
        {
            if (factory.Smtp.Received.IsEmpty) factory.Smtp.Start();
        }
    }

    [Fact]
    public async Task TwoInstances_RacingForTheSameQueuedMails_SendEachExactlyOnce()
    {
        _ = factory.Services; // A starts first and migrates
        await using var second = factory.AnotherInstance();
        // One deployment's instances agree on the time (NTP); a lease is only as good as that agreement (H133).
        second.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        var a = factory.CreateClient();
        var b = second.CreateClient();
        await factory.Smtp.StopAsync();
        var addresses = Enumerable.Range(0, 10).Select(i => $"outbox-two-{i}@example.com").ToList();
        for (var i = 0; i < addresses.Count; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await (i % 2 == 0 ? a : b).PostAsync("/api/v1/accounts", Json(Body(addresses[i])))).StatusCode);
        await WaitUntilAsync(() => factory.InDatabaseAsync(db => db.OutboxMails.AnyAsync(m => m.To.StartsWith("outbox-two-") && m.Attempts > 0)));
        Assert.False(await factory.InDatabaseAsync(db => db.OutboxMails.AnyAsync(m => m.To.StartsWith("outbox-two-") && m.SentAtUtc != null)));

        factory.Smtp.Start();
        // Both instances' clocks move on together, so both senders look for the same due rows at once.
        await WaitUntilAsync(() => factory.InDatabaseAsync(db => db.OutboxMails.Where(m => m.To.StartsWith("outbox-two-")).AllAsync(m => m.SentAtUtc != null)), () =>
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            second.Clock.Advance(TimeSpan.FromMinutes(1));
        });
        foreach (var address in addresses) await factory.Smtp.WaitForAsync(address, "Confirm your e-mail address");
        await Task.Delay(500);
        foreach (var address in addresses)
            Assert.Single(factory.Smtp.Received, m => TestSmtpServer.To(m) == address);
    }

    private static string Body(string email) =>
        $$"""{"email":"{{email}}","password":"{{Patients.Password}}","name":"Outbox Person","dateOfBirth":"1990-01-02","acceptTerms":true}""";

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Action? meanwhile = null)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the outbox did not get there in 30 s");
            await Task.Delay(200);
            meanwhile?.Invoke();
        }
    }
}

/// <summary>Issue 18: settings that cannot work stop the app on start with a message that names them; pickup mode needs nothing.</summary>
public sealed class MailSettingsTests
{
    [Fact]
    public void SmtpMode_WithoutPublicUrl_RefusesToStart_NamingTheSetting()
    {
        using var factory = new IlioCareFactory();
        factory.Settings["Mail:Mode"] = "smtp";
        factory.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("App:PublicUrl is required when Mail:Mode is 'smtp'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMode_RefusesToStart()
    {
        using var factory = new IlioCareFactory();
        factory.Settings["Mail:Mode"] = "carrier-pigeon";
        Assert.Contains("Mail:Mode must be 'pickup' or 'smtp'", Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupMode_WritesEachMailAsAnEmlFile()
    {
        await using var factory = new IlioCareFactory();
        var folder = factory.Settings["Mail:PickupDirectory"]!;
        var response = await factory.CreateClient().PostAsync("/api/v1/accounts/password-reset", Json("""{"email":"nobody@example.com"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Patients.SignUpAsync(new FormClient(factory), "pickup@example.com");
        var until = DateTime.UtcNow.AddSeconds(20);
        string[] files;
        while ((files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).Length == 0 && DateTime.UtcNow < until) await Task.Delay(100);
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(files));
        Assert.Equal("pickup@example.com", TestSmtpServer.To(mail));
        Assert.Contains("http://localhost/verify-email?token=", mail.TextBody, StringComparison.Ordinal); // no App:PublicUrl: the request's own address
    }
}
