using Microsoft.Data.Sqlite;

namespace IlioCare.Cli.Operator;

/// <summary>
/// SQLite's online backup API (<c>sqlite3_backup_*</c> through <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// a consistent copy while the app keeps running, unlike copying a WAL-mode file, which can miss the -wal part.
/// Connections here are unpooled so no file stays open after the command.
/// </summary>
internal static class SqliteBackup
{
    public static void Backup(string connection, string target)
    {
        var database = SqliteFiles.PathOf(connection);
        if (!File.Exists(database))
            throw new OperatorException($"there is no SQLite database at {database}");
        using var source = Open(database, SqliteOpenMode.ReadOnly);
        using var copy = Open(target, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(copy);
        Check(copy, target);
    }

    /// <summary>The backup API the other way: the database's pages are replaced by the file's, in one step.</summary>
    public static void Restore(string file, string connection)
    {
        using var source = Open(file, SqliteOpenMode.ReadOnly);
        Check(source, file);
        SqliteFiles.CreateFolderOf(connection);
        using var database = Open(SqliteFiles.PathOf(connection), SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(database);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Refuses a file that is damaged or not an IlioCare database before anything is replaced.</summary>
    private static void Check(SqliteConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        string? result;
        try
        {
            result = command.ExecuteScalar() as string;
        }
        catch (SqliteException ex)
        {
            throw new OperatorException($"{file} is not a SQLite database ({ex.Message})");
        }
        if (result != "ok")
            throw new OperatorException($"{file} failed SQLite's quick_check: {result}");
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            throw new OperatorException($"{file} is not an IlioCare database (no migrations history)");
    }
}
