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

    /// <summary>
    /// <c>--connection</c>, else <c>ConnectionStrings__IlioCare</c>, else (SQLite only) the web app's own database when
    /// run inside the repository (<see cref="WebAppDefaults"/>): the one <c>dotnet run --project src/IlioCare.Web</c> uses.
    /// </summary>
    public string? Connection => _values.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__IlioCare")
        ?? (Provider == Data.DatabaseProvider.Sqlite ? WebAppDefaults.Connection(Environment.CurrentDirectory) : null);

    /// <summary>True when neither an option nor a variable named the database: the web app's default is used.</summary>
    public bool UsesWebAppDatabase => !_values.ContainsKey("connection") && Environment.GetEnvironmentVariable("ConnectionStrings__IlioCare") is null;

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Parses <paramref name="args"/> (after the verb); <paramref name="errors"/> names every problem, one per line.</summary>
    public static OperatorArgs? Parse(string[] args, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required,
        Func<OperatorArgs, IEnumerable<string>>? check, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"unexpected argument '{arg}'");
                continue;
            }
            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[2..eq], arg[(eq + 1)..])
                : (arg[2..], i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (!allowed.Contains(name))
                problems.Add($"unknown option '--{name}'");
            else if (value is null)
                problems.Add($"--{name} needs a value");
            else if (!values.TryAdd(name, value))
                problems.Add($"--{name} is given twice");
        }
        var parsed = new OperatorArgs(values);
        if (!Data.DatabaseProvider.IsKnown(parsed.Provider))
            problems.Add($"--provider must be sqlite or postgres, not '{parsed.Provider}'");
        if (parsed.Connection is not { Length: > 0 })
            problems.Add(parsed.Provider == Data.DatabaseProvider.Sqlite
                ? "--connection is required (or set ConnectionStrings__IlioCare) outside the IlioCare repository; from its root the web app's database is used"
                : "--connection is required for postgres (or set ConnectionStrings__IlioCare)");
        problems.AddRange(required.Where(r => !values.ContainsKey(r) && allowed.Contains(r)).Select(r => $"--{r} is required"));
        if (check is not null) problems.AddRange(check(parsed));
        errors = problems;
        return problems.Count == 0 ? parsed : null;
    }

    public bool Has(string name) => _values.ContainsKey(name);
}
