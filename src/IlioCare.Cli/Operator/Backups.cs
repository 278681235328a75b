using IlioCare.Data;

namespace IlioCare.Cli.Operator;

/// <summary>
/// <c>iliocare backup</c> and <c>restore</c>. A backup is first written beside its target as <c>FILE.partial</c>
/// and renamed when complete, so a FILE that exists is a whole backup; an existing FILE is never overwritten.
/// </summary>
internal static class Backups
{
    public static async Task<string> BackupAsync(string provider, string connection, string file)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
            throw new OperatorException($"{target} already exists; choose a new file name (a backup is never overwritten)");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (provider == DatabaseProvider.Sqlite) SqliteBackup.Backup(connection, partial);
            else await PostgresBackup.DumpAsync(connection, partial);
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
        return $"Backed up the {provider} database to {target} ({new FileInfo(target).Length} bytes).";
    }

    public static async Task<string> RestoreAsync(string provider, string connection, string file)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
            throw new OperatorException($"{source} does not exist");
        if (provider == DatabaseProvider.Sqlite) SqliteBackup.Restore(source, connection);
        else await PostgresBackup.RestoreAsync(source, connection);
        return $"Restored the {provider} database from {source}.";
    }
}
