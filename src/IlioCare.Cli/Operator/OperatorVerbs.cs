using System.Text;

namespace IlioCare.Cli.Operator;

/// <summary>
/// The operator commands (SPEC F17): they take options instead of JSON on stdin, so they have their own small
/// table beside the contract verbs (ADR-0003). Exit codes: 0 done, 1 the operation failed (message on stderr),
/// 2 usage.
/// </summary>
internal static class OperatorVerbs
{
    public const int Failed = 1;

    private static readonly string[] s_database = ["provider", "connection"];

    private sealed record Verb(string Name, string Summary, string Help, string[] Options, string[] Required, Func<OperatorArgs, TextWriter, Task<string>> Run);

    private static readonly Verb[] s_verbs =
    [
        new("migrate", "Create or update the database schema (run once before starting the instances)", OperatorHelp.Migrate,
            s_database, [], (a, _) => Migrations.MigrateAsync(a.Provider, a.Connection!)),
        new("backup", "Copy the database to a file (SQLite online backup, PostgreSQL pg_dump -Fc)", OperatorHelp.Backup,
            [.. s_database, "out"], ["out"], (a, _) => Backups.BackupAsync(a.Provider, a.Connection!, a["out"]!)),
        new("restore", "Replace the database's contents with a backup file (stop the app first)", OperatorHelp.Restore,
            [.. s_database, "from"], ["from"], (a, _) => Backups.RestoreAsync(a.Provider, a.Connection!, a["from"]!)),
    ];

    public static bool IsOperatorVerb(string name) => s_verbs.Any(v => v.Name == name);

    public static void AppendUsage(StringBuilder sb)
    {
        sb.Append("\noperator commands (options instead of stdin; `iliocare <command> --help`):\n");
        foreach (var v in s_verbs) sb.Append($"  {v.Name,-10} {v.Summary}\n");
    }

    public static int Run(string name, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verb = s_verbs.Single(v => v.Name == name);
        if (args is ["--help" or "-h"])
        {
            stdout.WriteLine(verb.Help);
            return Verbs.Ok;
        }
        if (OperatorArgs.Parse(args, verb.Options, verb.Required, out var problem) is not { } options)
        {
            stderr.WriteLine($"iliocare {name}: {problem}");
            stderr.WriteLine(verb.Help);
            return Verbs.BadInput;
        }
        try
        {
            stdout.WriteLine(verb.Run(options, stderr).GetAwaiter().GetResult());
            return Verbs.Ok;
        }
        catch (OperatorException ex)
        {
            stderr.WriteLine($"iliocare {name}: {ex.Message}");
            return Failed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The database or the file system said no: one line, not a stack trace, for the operator's log.
            stderr.WriteLine($"iliocare {name}: {ex.GetBaseException().Message}");
            return Failed;
        }
    }
}

/// <summary>A refusal or failure to report to the operator as it is (exit 1).</summary>
internal sealed class OperatorException(string message) : Exception(message);
