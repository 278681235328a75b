namespace IlioCare.Cli.Operator;

/// <summary>
/// The options of an operator command: <c>--name value</c> or <c>--name=value</c>, each at most once. The
/// database comes from <c>--provider</c>/<c>--connection</c>, or else from the variables the web app reads
/// (<c>Database__Provider</c>, <c>ConnectionStrings__IlioCare</c>) so a password need not be on a command line
/// (where <c>ps</c> shows it).
/// </summary>
internal sealed class OperatorArgs
{
    private readonly Dictionary<string, string> _values;

    private OperatorArgs(Dictionary<string, string> values) => _values = values;

    public string Provider => _values.GetValueOrDefault("provider") ?? Environment.GetEnvironmentVariable("Database__Provider") ?? "sqlite";

    public string? Connection => _values.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__IlioCare");

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Parses <paramref name="args"/> (after the verb); <paramref name="error"/> says what is wrong.</summary>
    public static OperatorArgs? Parse(string[] args, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                return Fail($"unexpected argument '{arg}'", out error);
            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[2..eq], arg[(eq + 1)..])
                : (arg[2..], i + 1 < args.Length ? args[++i] : null);
            if (!allowed.Contains(name))
                return Fail($"unknown option '--{name}'", out error);
            if (value is null)
                return Fail($"--{name} needs a value", out error);
            if (!values.TryAdd(name, value))
                return Fail($"--{name} is given twice", out error);
        }
        var parsed = new OperatorArgs(values);
        if (!Data.DatabaseProvider.IsKnown(parsed.Provider))
            return Fail($"--provider must be sqlite or postgres, not '{parsed.Provider}'", out error);
        if (parsed.Connection is not { Length: > 0 })
            return Fail("--connection is required (or set ConnectionStrings__IlioCare)", out error);
        if (required.FirstOrDefault(r => !values.ContainsKey(r)) is { } missing)
            return Fail($"--{missing} is required", out error);
        error = null;
        return parsed;
    }

    private static OperatorArgs? Fail(string problem, out string? error)
    {
        error = problem;
        return null;
    }
}
