using IlioCare.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Cli.Operator;

/// <summary><c>iliocare migrate</c>: the same migrations the web app applies on start, applied once by an operator.</summary>
internal static class Migrations
{
    public static IlioCareDbContext Open(string provider, string connection)
    {
        var options = new DbContextOptionsBuilder<IlioCareDbContext>();
        options.UseIlioCareDatabase(provider, connection);
        return new(options.Options);
    }

    public static async Task<string> MigrateAsync(string provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
            SqliteFiles.CreateFolderOf(connection);
        await using var db = Open(provider, connection);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        if (provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the app does (DatabaseSetup)
        return pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.";
    }
}

internal static class SqliteFiles
{
    public static string PathOf(string connection) =>
        new SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : throw new OperatorException("the SQLite connection string names no file (Data Source=…)");

    public static void CreateFolderOf(string connection) => Directory.CreateDirectory(Path.GetDirectoryName(PathOf(connection))!);
}
