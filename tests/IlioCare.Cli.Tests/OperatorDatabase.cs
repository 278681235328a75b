using System.Data.Common;
using System.Globalization;
using IlioCare.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IlioCare.Cli.Tests;

/// <summary>
/// A fresh database for one operator-command test: a SQLite file in a temp folder, or a new PostgreSQL
/// database on the test server (the one .ci/run starts; ILIOCARE_TEST_POSTGRES as in the web tests).
/// </summary>
public sealed class OperatorDatabase : IDisposable
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ILIOCARE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=iliocare;Password=iliocare";

    public string Provider { get; }
    public string Connection { get; }
    /// <summary>A folder of this test's own, for backup files; removed afterwards.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "iliocare-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string _name = "iliocare_cli_" + Guid.NewGuid().ToString("N");

    public OperatorDatabase(string provider)
    {
        Provider = provider;
        Directory.CreateDirectory(Folder);
        if (provider == "postgres")
        {
            Admin($"CREATE DATABASE \"{_name}\"");
            Connection = $"{PostgresServer};Database={_name}";
        }
        else
        {
            Connection = $"Data Source={Path.Combine(Folder, "iliocare.db")}";
        }
    }

    public IlioCareDbContext Open()
    {
        var options = new DbContextOptionsBuilder<IlioCareDbContext>();
        options.UseIlioCareDatabase(Provider, Connection);
        return new(options.Options);
    }

    /// <summary>Every table's rows as text, sorted: what a restore must bring back exactly.</summary>
    public async Task<SortedDictionary<string, List<string>>> SnapshotAsync()
    {
        ClearPools(); // a restore replaced the tables under any pooled connection
        await using var db = Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, Provider == "postgres"
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader.GetValue(i))}")));
            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }
        return snapshot;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private void ClearPools()
    {
        if (Provider == "postgres") NpgsqlConnection.ClearAllPools();
        else SqliteConnection.ClearAllPools();
    }

    private static void Admin(string sql)
    {
        using var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        ClearPools();
        if (Provider == "postgres") Admin($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* best effort in temp */ }
    }
}
