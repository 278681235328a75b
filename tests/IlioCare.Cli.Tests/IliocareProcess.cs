using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace IlioCare.Cli.Tests;

/// <summary>What one run of <c>iliocare</c> did: its exit code and everything it wrote.</summary>
public sealed record IliocareRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines written to stderr (SPEC §2: one per bad field).</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The field each stderr line names: the text before the first <c>": "</c>.</summary>
    public string[] BadFields => [.. StderrLines.Select(l => l.Split(": ", 2)[0])];
}

/// <summary>
/// Runs the built <c>iliocare</c> as a real process (<c>dotnet iliocare.dll</c>), so exit codes, stdin
/// bytes and the split of stdout and stderr are tested as a shell or a script sees them.
/// </summary>
public static class IliocareProcess
{
    /// <summary>Generous: a start costs ~100 ms, but the box is shared; a hang must still fail, not block the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The iliocare.dll this test assembly was built against (see LocateIliocare in the .csproj).</summary>
    public static string DllPath { get; } = Locate();

    public static IliocareRun Run(string[] args, string? stdin = null) => Run(args, s_utf8.GetBytes(stdin ?? ""));

    /// <summary>
    /// Runs <c>iliocare args…</c> from <paramref name="workingDirectory"/> with none of the database or audit-key
    /// variables an operator might have set: what the command finds on its own from that folder.
    /// </summary>
    public static IliocareRun RunIn(string workingDirectory, string[] args, string? stdin = null) =>
        Run(args, s_utf8.GetBytes(stdin ?? ""), workingDirectory);

    /// <summary>Runs <c>iliocare args…</c> with <paramref name="stdin"/> as raw bytes (so invalid UTF-8 can be sent).</summary>
    public static IliocareRun Run(string[] args, byte[] stdin, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = s_utf8,
            StandardOutputEncoding = s_utf8,
            StandardErrorEncoding = s_utf8,
        };
        if (workingDirectory is not null)
            foreach (var variable in new[] { "ConnectionStrings__IlioCare", "Database__Provider", "Audit__Key" })
                start.Environment.Remove(variable);
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        // Read both pipes while writing stdin: a full pipe on either side must not deadlock the run.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Usage errors exit without reading stdin; the broken pipe is theirs to cause.
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iliocare {string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(IliocareProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "IliocareDll")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            throw new FileNotFoundException($"The built iliocare.dll was not found at '{path}'; build src/IlioCare.Cli first.", path);
        return path;
    }

    /// <summary>The <c>dotnet</c> running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}
