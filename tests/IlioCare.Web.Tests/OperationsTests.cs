using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Health endpoints and the production log format (issue 4, docs/operations.md).</summary>
public sealed class OperationsTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_DatabaseUp_Is200Healthy(string url)
    {
        var response = await new FormClient(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_ChecksTheDatabase()
    {
        using var body = JsonDocument.Parse(await (await new FormClient(factory).GetAsync("/readyz")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public void Logs_OutsideProduction_UseTheReadableFormat() =>
        Assert.Null(factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
}

/// <summary>The app started without reaching its database (MigrateOnStart=false, a database that does not exist).</summary>
public sealed class DatabaseDownFactory : IlioCareFactory
{
    private readonly string _missing = Path.Combine(Path.GetTempPath(), "iliocare-tests", Guid.NewGuid().ToString("N"), "missing.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("ConnectionStrings:IlioCare", Provider == "postgres"
            ? $"{TestDatabase.PostgresServer};Database=iliocare_missing_{Guid.NewGuid():N}"
            : $"Data Source={_missing};Mode=ReadOnly");
    }
}

public sealed class DatabaseDownTests(DatabaseDownFactory factory) : IClassFixture<DatabaseDownFactory>
{
    [Fact]
    public async Task Readyz_DatabaseDown_Is503_WhileHealthzStays200()
    {
        var client = new FormClient(factory);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}

/// <summary>Production settings: environment Production, nothing else changed.</summary>
public sealed class ProductionFactory : IlioCareFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public void Logs_InProduction_AreJsonLines() =>
        Assert.Equal(ConsoleFormatterNames.Json, factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);

    [Fact]
    public void Shutdown_WaitsTwentySecondsForRequestsInFlight() =>
        Assert.Equal(TimeSpan.FromSeconds(20), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
}

/// <summary>
/// The app behind a proxy on loopback: the test server has no peer address, so a startup filter sets it from
/// the test-only header X-Test-Peer (default 127.0.0.1, where nginx connects from). Two sign-in posts a minute.
/// </summary>
public sealed class BehindProxyFactory : IlioCareFactory
{
    protected override int AuthPermitsPerMinute => 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>());
    }

    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ForwardedHeadersTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private async Task<HttpStatusCode> SignInFromAsync(string forwardedFor, string? peer = null)
    {
        var client = new FormClient(factory);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (peer is not null) client.Http.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        return (await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "x@example.com"), F("Form.Password", "whatever1")])).StatusCode;
    }

    [Fact]
    public async Task RateLimit_BehindTheProxy_CountsEachClientAddress()
    {
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.2")); // another patient behind the same proxy
    }

    [Fact]
    public async Task RateLimit_ForwardedHeaderFromAnUnknownPeer_IsIgnored()
    {
        // A client talking to the app directly cannot pick a fresh address per attempt.
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.10", peer: "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.11", peer: "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("203.0.113.12", peer: "198.51.100.7"));
    }
}

/// <summary>An instance started on an empty database with MigrateOnStart=false (someone forgot `iliocare migrate`).</summary>
public sealed class UnmigratedFactory : IlioCareFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:MigrateOnStart", "false");
    }
}

public sealed class UnmigratedTests(UnmigratedFactory factory) : IClassFixture<UnmigratedFactory>
{
    [Fact]
    public async Task Readyz_DatabaseNotMigrated_Is503() =>
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await new FormClient(factory).GetAsync("/readyz")).StatusCode);
}
