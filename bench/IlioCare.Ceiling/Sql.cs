using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IlioCare.Ceiling;

/// <summary>
/// Plain ADO.NET on the app's own database (the same drivers EF Core uses underneath): a pooled connection per
/// request, as the app's DbContext opens one. The statements are written with quoted identifiers and @name
/// parameters, which both SQLite and Npgsql accept, so one text serves both providers.
/// </summary>
internal sealed class Sql(string provider, string connection) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres = provider == "postgres" ? NpgsqlDataSource.Create(connection) : null;

    public bool IsSqlite => _postgres is null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection c = _postgres is null ? new SqliteConnection(connection) : _postgres.CreateConnection();
        await c.OpenAsync(ct);
        // The app's SqliteBusyTimeout interceptor sends this on every open: the same round trip here.
        if (_postgres is null) await ExecuteAsync(c, null, "PRAGMA busy_timeout = 5000;", ct);
        return c;
    }

    public static DbCommand Command(DbConnection c, DbTransaction? tx, string text, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public static async Task<int> ExecuteAsync(DbConnection c, DbTransaction? tx, string text, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, text, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> ListAsync<T>(DbConnection c, DbTransaction? tx, string text, Func<DbDataReader, T> row, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, text, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(row(r));
        return list;
    }

    public static async Task<T?> FirstAsync<T>(DbConnection c, DbTransaction? tx, string text, Func<DbDataReader, T> row, CancellationToken ct, params (string, object?)[] parameters) where T : class =>
        (await ListAsync(c, tx, text, row, ct, parameters)).FirstOrDefault();

    /// <summary>DateTime as EF stores it: UTC (timestamptz on PostgreSQL needs Kind Utc).</summary>
    public static DateTime Utc(DbDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    public static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
