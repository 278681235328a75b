using IlioCare.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IlioCare.Web.Tests;

/// <summary>
/// The real app on a real database of its own (one per test class: a SQLite file, or a PostgreSQL
/// database in IlioCare.Web.Tests.Postgres), created by the real migrations on start — never
/// EnsureCreated (STYLE.md habit 8).
/// </summary>
public class IlioCareFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase? _database; // null in a second instance: the first one owns the database
    private readonly string _connectionString;
    private readonly bool _migrateOnStart = true;

    public IlioCareFactory()
    {
        _database = new();
        _connectionString = _database.ConnectionString;
    }

    private IlioCareFactory(IlioCareFactory first)
    {
        _connectionString = first._connectionString;
        AuditKey = first.AuditKey; // one deployment, one audit key
        foreach (var (key, value) in first.Settings) Settings[key] = value; // the same mail set-up
        DataProtectionKey = first.DataProtectionKey; // …and one key for the secrets at rest
        _migrateOnStart = false; // as in production: migrated once (here by the first instance), never by each
    }

    /// <summary>
    /// A second instance of the app on this factory's database (SPEC §8: several instances behind a proxy):
    /// its own DI container, key-ring cache and rate limiter, sharing only what is in the database. Start this
    /// factory first (it migrates); dispose the second one yourself.
    /// </summary>
    public IlioCareFactory AnotherInstance() => new(this);

    /// <summary>Sign-in/sign-up posts allowed per minute; high so tests that sign up often are not limited.</summary>
    protected virtual int AuthPermitsPerMinute => 10_000;

    /// <summary>"sqlite" or "postgres": which build of the test sources this is.</summary>
    public static string Provider => TestDatabase.Provider;

    /// <summary>
    /// The app's clock (STYLE habit 4). It starts at the real now, so cookies and antiforgery tokens stay
    /// valid; tests move it on by days (<c>Clock.Advance(TimeSpan.FromDays(1))</c>) to simulate a program.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// More settings for the app, e.g. the mail set-up (issue 18). By default mail is in pickup mode, written to a
    /// throw-away folder of this test class rather than under the source tree.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "iliocare-tests-mail", Guid.NewGuid().ToString("N")),
    };

    /// <summary>The audit log's key (F15), as an operator would set <c>Audit:Key</c>; kept out of the database.</summary>
    public string AuditKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The key that encrypts the key ring and second factors at rest (<c>DataProtection:Key</c>); never in the database.</summary>
    public string DataProtectionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:IlioCare", _connectionString);
        builder.UseSetting("Database:MigrateOnStart", _migrateOnStart ? "true" : "false");
        builder.UseSetting("Audit:Key", AuditKey);
        builder.UseSetting("DataProtection:Key", DataProtectionKey);
        builder.UseSetting("RateLimits:AuthPermitsPerMinute", AuthPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Runs <paramref name="query"/> on a fresh context: what is really in the database.</summary>
    public async Task<T> InDatabaseAsync<T>(Func<IlioCareDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IlioCareDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A factory whose sign-in/sign-up limit is reached after two posts.</summary>
public sealed class TightRateLimitFactory : IlioCareFactory
{
    protected override int AuthPermitsPerMinute => 2;
}
