using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IlioCare.Web.Tests;

/// <summary>
/// The app running while its database cannot be reached (issue 7 fault runs, H77): SQLite, a read-only connection
/// to a file that does not exist (SQLITE_CANTOPEN); PostgreSQL, a port nobody listens on (after EF's retries).
/// </summary>
public sealed class DatabaseUnreachableFactory : IlioCareFactory
{
    private readonly string _missing = Path.Combine(Path.GetTempPath(), "iliocare-tests", Guid.NewGuid().ToString("N"), "missing.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production"); // the exception handler a deployment runs
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("ConnectionStrings:IlioCare", Provider == "postgres"
            ? $"Host=127.0.0.1;Port={ClosedPort()};Username=iliocare;Password=iliocare;Database=iliocare_unreachable"
            : $"Data Source={_missing};Mode=ReadOnly");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class DatabaseUnavailableTests(DatabaseUnreachableFactory factory) : IClassFixture<DatabaseUnreachableFactory>
{
    /// <summary>One test, both requests at once: on PostgreSQL each waits out EF's retries (about 20 s) first.</summary>
    [Fact]
    public async Task DatabaseUnreachable_TheApiAnswers503Problem_AndPagesTheTryAgainPage_NeverA500()
    {
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ilc_notarealtokenbutlookedupinthedatabase");
        var apiTask = api.GetAsync("/api/v1/me/today");
        var pageTask = factory.CreateClient().GetAsync($"/assessment/{Guid.NewGuid()}");
        var (apiAnswer, page) = (await apiTask, await pageTask);

        var apiBody = await apiAnswer.Content.ReadAsStringAsync();
        Assert.True(apiAnswer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)apiAnswer.StatusCode}: {apiBody}");
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds), apiAnswer.Headers.RetryAfter?.Delta);

        var pageBody = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)page.StatusCode}: {pageBody}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in a moment", pageBody);
        // A patient with a warning sign must not be left waiting on a broken service (H77).
        Assert.Contains("In an emergency call <strong>112</strong>", pageBody);
        Assert.NotNull(page.Headers.RetryAfter);

        foreach (var leak in new[] { "Sqlite", "Npgsql", "Data Source", "Host=", "missing.db", "Exception", "   at " })
        {
            Assert.DoesNotContain(leak, apiBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(leak, pageBody, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static TheoryData<string, Exception, bool> Failures() => new()
    {
        { "SQLite disk full", new SqliteException("database or disk is full", 13), true },
        { "SQLite I/O error", new SqliteException("disk I/O error", 10), true },
        { "SQLite cannot open", new SqliteException("unable to open database file", 14), true },
        { "SQLite still locked after the busy timeout", new SqliteException("database is locked", 5), true },
        { "SQLite full, inside EF's update exception", new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new SqliteException("database or disk is full", 13)), true },
        { "PostgreSQL unreachable", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "PostgreSQL shutting down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { "EF gave up retrying", new Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException("retries", new NpgsqlException("Failed to connect")), true },
        { "a command timeout", new InvalidOperationException("wrapped", new TimeoutException()), true },
        { "SQLite constraint (our bug)", new SqliteException("UNIQUE constraint failed", 19), false },
        { "PostgreSQL unique violation (our bug)", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { "any other bug", new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OnlyAnUnreachableOrFullDatabase_CountsAsUnavailable(string what, Exception failure, bool unavailable) =>
        Assert.True(DatabaseUnavailable.IsUnavailable(failure) == unavailable, what);
}
