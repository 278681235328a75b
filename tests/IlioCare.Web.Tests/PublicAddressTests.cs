using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>The app at its public address, <c>App:PublicUrl</c>, as production sets it.</summary>
public sealed class PublicUrlFactory : IlioCareFactory
{
    public const string PublicUrl = "https://iliocare.example.org/";

    public PublicUrlFactory() => Settings["App:PublicUrl"] = PublicUrl;
}

/// <summary>
/// Issue 13 finding 10 (H175): feed addresses and mail links come from <c>App:PublicUrl</c>, never the request's Host
/// header, which any client can forge (here every request says <c>Host: evil.example</c>).
/// </summary>
public sealed class PublicAddressTests(PublicUrlFactory factory) : IClassFixture<PublicUrlFactory>
{
    private const string Forged = "evil.example";

    private FormClient ForgedHostClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"http://{Forged}/"), AllowAutoRedirect = false, HandleCookies = true,
    }));

    [Fact]
    public async Task FeedAddresses_OnThePage_InTheApi_AndInTheFeed_ComeFromPublicUrl_NotTheHostHeader()
    {
        var client = ForgedHostClient();
        await Patients.OnboardAsync(client, "forged-host-feed@example.com");

        var page = await (await client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Contains(PublicUrlFactory.PublicUrl + "calendar/", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, page, StringComparison.Ordinal);

        var reset = await JsonAsync(await client.Http.PostAsync("/api/v1/me/calendar-feed", Json("{}")));
        var feedUrl = reset.GetProperty("feedUrl").GetString()!;
        Assert.StartsWith(PublicUrlFactory.PublicUrl + "calendar/", feedUrl, StringComparison.Ordinal);

        var feed = await client.Http.GetAsync(new Uri(feedUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("iliocare.example.org", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordResetMail_AskedWithAForgedHost_LinksToPublicUrl()
    {
        var client = ForgedHostClient();
        await Patients.SignUpAsync(client, "forged-host-mail@example.com");
        await new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{Forged}/"), AllowAutoRedirect = false }))
            .PostFormAsync("/forgot-password", "forgot-password", [F("Form.Email", "forged-host-mail@example.com")]);

        var folder = factory.Settings["Mail:PickupDirectory"]!;
        var until = DateTime.UtcNow.AddSeconds(20);
        string? mail = null;
        while (mail is null && DateTime.UtcNow < until)
        {
            mail = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).Select(File.ReadAllText)
                .FirstOrDefault(m => m.Contains("reset-password", StringComparison.Ordinal));
            if (mail is null) await Task.Delay(100);
        }
        Assert.NotNull(mail);
        Assert.Contains("iliocare.example.org/reset-password", mail.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, mail, StringComparison.Ordinal);
    }
}

/// <summary>
/// Host headers that make no address (found by the fuzz run's forged-host cases, H177): Kestrel lets them through and
/// every page answered 500. Sent over a raw socket to real Kestrel (HttpClient would refuse to send them).
/// </summary>
public sealed class OddHostHeaderTests
{
    [Theory]
    [InlineData("[::1]:99999")]
    [InlineData("")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task APageAskedWithAHostThatIsNoAddress_Is400_Not500(string host)
    {
        await using var kestrel = new IlioCareFactory();
        kestrel.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        kestrel.StartServer();
        var address = new Uri(kestrel.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET /sign-in HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var statusLine = await reader.ReadLineAsync() ?? "";
        Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
    }
}
