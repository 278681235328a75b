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

    private sealed record Verb(string Name, string Summary, string Help, string[] Options, string[] Required,
        Func<OperatorArgs, OperatorIo, Task<string>> Run, Func<OperatorArgs, IEnumerable<string>>? Check = null);

    private static readonly Verb[] s_verbs =
    [
        new("migrate", "Create or update the database schema (run once before starting the instances)", OperatorHelp.Migrate,
            s_database, [], (a, _) => Migrations.MigrateAsync(a.Provider, a.Connection!)),
        new("backup", "Copy the database to a file (SQLite online backup, PostgreSQL pg_dump -Fc)", OperatorHelp.Backup,
            [.. s_database, "out"], ["out"], (a, _) => Backups.BackupAsync(a.Provider, a.Connection!, a["out"]!)),
        new("restore", "Replace the database's contents with a backup file (stop the app first)", OperatorHelp.Restore,
            [.. s_database, "from"], ["from"], (a, _) => Backups.RestoreAsync(a.Provider, a.Connection!, a["from"]!)),
        new("create-admin", "Create an admin account (the password is read from the first line of stdin)", OperatorHelp.CreateAdmin,
            [.. s_database, "email", "name"], ["email", "name"], (a, io) => StaffCommands.CreateAsync(a, io, Data.Roles.Admin)),
        new("create-clinician", "Create a clinician account (the password is read from the first line of stdin)", OperatorHelp.CreateClinician,
            [.. s_database, "email", "name"], ["email", "name"], (a, io) => StaffCommands.CreateAsync(a, io, Data.Roles.Clinician)),
        new("export", "Export one patient's data as a FHIR R4 Bundle or as the JSON of \"export all my data\"", OperatorHelp.Export,
            [.. s_database, "email", "id", "format", "out"], [], ExportCommand.RunAsync, ExportCommand.Check),
        new("seed-demo", "Add the demo patient (the same data as the web app's --Demo:Seed=true)", OperatorHelp.SeedDemo,
            s_database, [], (a, io) => DemoCommand.RunAsync(a, io)),
        new("audit-verify", "Check the audit log's HMAC chain: rows checked and the last row, or the first broken row", OperatorHelp.AuditVerify,
            [.. s_database, "audit-key-file"], [], AuditCommand.RunAsync, AuditCommand.Check),
    ];

    /// <summary>Commands that store accounts or data: on the web app's default database they bring its schema up first.</summary>
    private static readonly string[] s_needSchema = ["create-admin", "create-clinician", "seed-demo"];

    /// <summary>
    /// No database was named, so the web app's own is used (<see cref="WebAppDefaults"/>): say which file, on stderr
    /// (stdout may be an export). On a fresh checkout the web app has not made it yet, so the commands that store
    /// accounts apply the migrations first, exactly as the app's first start would (README's first-clinician command).
    /// </summary>
    private static void UseWebAppDatabase(string name, OperatorArgs options, TextWriter stderr)
    {
        stderr.WriteLine($"iliocare {name}: using the web app's database {SqliteFiles.PathOf(options.Connection!)}");
        if (s_needSchema.Contains(name))
            Migrations.MigrateAsync(options.Provider, options.Connection!).GetAwaiter().GetResult();
    }

    public static bool IsOperatorVerb(string name) => s_verbs.Any(v => v.Name == name);

    public static void AppendUsage(StringBuilder sb)
    {
        sb.Append("\noperator commands (options instead of stdin; `iliocare <command> --help`):\n");
        foreach (var v in s_verbs) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {v.Name,-17} {v.Summary}\n");
    }

    public static int Run(string name, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var verb = s_verbs.Single(v => v.Name == name);
        if (args is ["--help" or "-h"])
        {
            stdout.WriteLine(verb.Help);
            return Verbs.Ok;
        }
        if (OperatorArgs.Parse(args, verb.Options, verb.Required, verb.Check, out var problems) is not { } options)
        {
            // SPEC §2: one line per bad option, then the usage.
            foreach (var problem in problems) stderr.WriteLine($"iliocare {name}: {problem}");
            stderr.WriteLine(verb.Help);
            return Verbs.BadInput;
        }
        try
        {
            if (options.UsesWebAppDatabase && options.Provider == Data.DatabaseProvider.Sqlite)
                UseWebAppDatabase(name, options, stderr);
            stdout.WriteLine(verb.Run(options, new OperatorIo(stdin, stderr, clock)).GetAwaiter().GetResult());
            return Verbs.Ok;
        }
        catch (OperatorUsageException ex)
        {
            stderr.WriteLine($"iliocare {name}: {ex.Message}");
            return Verbs.BadInput;
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

/// <summary>Input the options could not check, found wrong once read (an empty password line, a bad key): exit 2.</summary>
internal sealed class OperatorUsageException(string message) : Exception(message);

/// <summary>What an operator command may read besides its options: stdin (a password), stderr (progress), the clock.</summary>
internal sealed record OperatorIo(TextReader Stdin, TextWriter Stderr, TimeProvider Clock);
