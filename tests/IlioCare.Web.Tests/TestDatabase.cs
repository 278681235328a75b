using Microsoft.Data.Sqlite;
using Npgsql;

namespace IlioCare.Web.Tests;

/// <summary>
/// The database one factory runs on. The same test sources compile twice (SPEC §8: "the same tests run on
/// both"): this project on SQLite, IlioCare.Web.Tests.Postgres (POSTGRES defined) on PostgreSQL — each test
/// class gets a fresh database of its own, created here and migrated by the app on start (ADR-0005).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>Where the PostgreSQL server is; .ci/run starts it from Debian (RECIPES.md).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ILIOCARE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=iliocare;Password=iliocare";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iliocare-tests", Guid.NewGuid().ToString("N"));

#if POSTGRES
    public const string Provider = "postgres";
    private readonly string _name = "iliocare_test_" + Guid.NewGuid().ToString("N");

    public TestDatabase()
    {
        try
        {
            using var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin);
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"No PostgreSQL at '{PostgresServer}' ({ex.Message}): start it as RECIPES.md shows (.ci/run does).", ex);
        }
    }

    public string ConnectionString => $"{PostgresServer};Database={_name}";

    /// <summary>
    /// Drops the test database. Another app instance on it (SeveralInstancesTests) may still be closing its
    /// connections on a busy machine, so the drop is tried a few times; a throw-away database left behind is
    /// reported, never a failed test run (the next CI machine starts empty).
    /// </summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres");
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
                return;
            }
            catch (NpgsqlException ex) when (attempt < 5)
            {
                Console.Error.WriteLine($"dropping test database {_name}, attempt {attempt}: {ex.Message}");
                Thread.Sleep(500 * attempt);
            }
            catch (NpgsqlException ex)
            {
                Console.Error.WriteLine($"test database {_name} left behind: {ex.Message}");
                return;
            }
        }
    }
#else
    public const string Provider = "sqlite";

    public TestDatabase() => Directory.CreateDirectory(_directory);

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "iliocare.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort in temp */ }
    }
#endif
}
