using System.Net;
using IlioCare.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// The real app on a real Kestrel port (127.0.0.1, any free port) with its own SQLite file, and Debian's
/// Chromium driven by Playwright (RECIPES.md launch options; never `playwright install`).
/// </summary>
public sealed class AppServer : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iliocare-browser", Guid.NewGuid().ToString("N"));
    private readonly Factory _factory;
    private IPlaywright? _playwright;

    public AppServer()
    {
        // The SMTP server first: started after the probe, it could be given the very port the probe just let go.
        Smtp.Start();
        // A fixed free port, so App:PublicUrl (the base of the links in mails) can name it before the server starts.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _factory = new Factory(Path.Combine(_directory, "iliocare.db"), $"http://127.0.0.1:{_port}/", Smtp.Port);
    }

    private readonly int _port;

    /// <summary>The real SMTP server the app sends its mails to (issue 18).</summary>
    public IlioCare.Web.Tests.TestSmtpServer Smtp { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's clock, from the real now; journeys move it on by days to simulate a program.</summary>
    public FakeTimeProvider Clock => _factory.Clock;

    /// <summary>Runs <paramref name="query"/> on a fresh context of the server's database: set-up and checks of a journey.</summary>
    public async Task<T> InDatabaseAsync<T>(Func<IlioCareDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IlioCareDbContext>());
    }
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A clinician or admin made as the operator makes them (<c>iliocare create-clinician</c>): no second factor yet.</summary>
    public async Task CreateStaffAsync(string role, string email, string name, string password)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
        var created = await StaffAccounts.CreateAsync(users, email, name, password, role, Clock.GetUtcNow().UtcDateTime);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} is missing: apt-get install -y --no-install-recommends chromium (.ci/run does this).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        });
    }

    /// <summary>A fresh browser context (own cookies). BypassCSP only so axe-core can inject its script.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new() { BaseURL = BaseUrl, BypassCSP = true, ViewportSize = new() { Width = width, Height = height } });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort in temp */ }
    }

    /// <summary>xunit calls DisposeAsync; this only satisfies owners of disposables (CA1001).</summary>
    public void Dispose() => _factory.Dispose();

    private sealed class Factory(string databasePath, string publicUrl, int smtpPort) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:IlioCare", $"Data Source={databasePath}");
            builder.UseSetting("RateLimits:AuthPermitsPerMinute", "1000");
            builder.UseSetting("Mail:Mode", "smtp");
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "none");
            builder.UseSetting("App:PublicUrl", publicUrl);
            // The audit key as an operator sets it: never a key file in the source tree.
            builder.UseSetting("Audit:Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("DataProtection:Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
    }
}
