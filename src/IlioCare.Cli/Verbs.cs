using System.Text;
using IlioCare.Cli.Operator;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Progression;

namespace IlioCare.Cli;

/// <summary>
/// The verb table. Hand-written rather than System.CommandLine: three verbs that take no options, and
/// SPEC §2 fixes the exit codes and the stderr format exactly (ADR-0003). The operator commands, which take a
/// handful of options, have their own small table in Operator/OperatorVerbs.cs.
/// </summary>
public static class Verbs
{
    public const int Ok = 0, BadInput = 2;

    private sealed record Verb(string Name, string Summary, string Help, Func<string, DateOnly, (string? Output, IReadOnlyList<FieldError> Errors)> Run);

    private static readonly Verb[] s_verbs =
    [
        new("assess", "Self-assessment → triage level, reasons, patterns, start phase (SPEC §3)", Help.Assess,
            (json, _) => Apply(AssessmentContract.Read(json), i => AssessmentContract.Write(Assessor.Assess(i)))),
        new("progress", "A strengthening exercise's sessions → progress / hold / regress / stop (SPEC §6)", Help.Progress,
            (json, today) => Apply(ProgressionContract.Read(json, today), i => ProgressionContract.Write(Progressor.Decide(i)))),
        new("load", "Weeks of sport minutes → next week's cap, increase, acute:chronic ratio (SPEC §7)", Help.Load,
            (json, today) => Apply(LoadContract.Read(json, today), i => LoadContract.Write(LoadGuard.Evaluate(i)))),
    ];

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr, TimeProvider clock)
    {
        if (args is ["--help" or "-h" or "help"])
            return Write(stdout, Usage());
        if (args.Length > 0 && OperatorVerbs.IsOperatorVerb(args[0]))
        {
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
            using var input = new StreamReader(stdin, new UTF8Encoding(false), leaveOpen: true);
            return OperatorVerbs.Run(args[0], args[1..], input, text, stderr, clock);
        }
        if (args.Length == 0 || s_verbs.FirstOrDefault(v => v.Name == args[0]) is not { } verb)
            return UsageError(stderr, args.Length == 0 ? "a verb is required" : $"unknown verb '{args[0]}'");
        if (args is [_, "--help" or "-h"])
            return Write(stdout, verb.Help);
        if (args.Length > 1)
            return UsageError(stderr, $"unknown option '{args[1]}' for '{verb.Name}' (the input is read from stdin)");

        if (!TryReadUtf8(stdin, out var json))
            return Fail(stderr, [new FieldError("$", "the input is not valid UTF-8 text")]);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (output, errors) = verb.Run(json, today);
        return output is null ? Fail(stderr, errors) : Write(stdout, output);
    }

    private static (string?, IReadOnlyList<FieldError>) Apply<T>(ContractResult<T> read, Func<T, string> decide) where T : class =>
        read.Value is { } input ? (decide(input), []) : (null, read.Errors);

    private static bool TryReadUtf8(Stream stdin, out string text)
    {
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>SPEC §2: one line per bad field on stderr, nothing on stdout, exit 2.</summary>
    private static int Fail(TextWriter stderr, IReadOnlyList<FieldError> errors)
    {
        foreach (var e in errors) stderr.WriteLine(e.ToString().ReplaceLineEndings(" "));
        return BadInput;
    }

    private static int UsageError(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"iliocare: {problem}");
        stderr.Write(Usage());
        return BadInput;
    }

    private static int Write(Stream stdout, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n");
        stdout.Write(bytes);
        stdout.Flush();
        return Ok;
    }

    private static string Usage()
    {
        var sb = new StringBuilder("usage: iliocare <verb> < input.json\n\nverbs:\n");
        foreach (var v in s_verbs) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {v.Name,-10} {v.Summary}\n");
        OperatorVerbs.AppendUsage(sb);
        sb.Append("\n`iliocare <verb> --help` shows a verb's input. Exit codes: 0 done, 1 an operator command failed, 2 bad input or usage.\n");
        return sb.ToString();
    }
}
