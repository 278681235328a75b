using System.Diagnostics;
using Npgsql;

namespace IlioCare.Cli.Operator;

/// <summary>
/// PostgreSQL's own tools: <c>pg_dump -Fc</c> (a consistent snapshot while the app runs; compressed) and
/// <c>pg_restore --clean --if-exists --no-owner --single-transaction</c> (all or nothing; tables owned by the
/// connecting role). The password goes to them in PGPASSWORD, never on their command line.
/// </summary>
internal static class PostgresBackup
{
    public static Task DumpAsync(string connection, string target) =>
        RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", $"--file={target}"]);

    public static Task RestoreAsync(string file, string connection) =>
        RunAsync("pg_restore", connection, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", file]);

    private static async Task RunAsync(string tool, string connection, string[] arguments)
    {
        var csb = new NpgsqlConnectionStringBuilder(connection);
        if (string.IsNullOrEmpty(csb.Database))
            throw new OperatorException("the PostgreSQL connection string names no database (Database=…)");
        var start = new ProcessStartInfo(Locate(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!string.IsNullOrEmpty(csb.Host)) start.ArgumentList.Add($"--host={csb.Host}");
        start.ArgumentList.Add($"--port={csb.Port}");
        if (!string.IsNullOrEmpty(csb.Username)) start.ArgumentList.Add($"--username={csb.Username}");
        start.ArgumentList.Add($"--dbname={csb.Database}");
        start.ArgumentList.Add("--no-password"); // never wait for a prompt nobody answers
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(csb.Password)) start.Environment["PGPASSWORD"] = csb.Password;
        if (csb.SslMode != SslMode.Prefer) start.Environment["PGSSLMODE"] = SslModeName(csb.SslMode);

        using var process = Process.Start(start) ?? throw new OperatorException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        if (process.ExitCode != 0)
            throw new OperatorException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
    }

    private static string SslModeName(SslMode mode) => mode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Prefer => "prefer",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
    };

    /// <summary>On PATH (Debian's wrapper picks the newest), else the newest /usr/lib/postgresql/N/bin.</summary>
    private static string Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? throw new OperatorException($"{tool} was not found on PATH or under /usr/lib/postgresql (apt-get install postgresql-client)");
    }
}
