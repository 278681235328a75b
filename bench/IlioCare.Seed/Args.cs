namespace IlioCare.Seed;

/// <summary>The few command-line options of the seeder: --provider, --connection, a verb and --name value pairs.</summary>
internal sealed record Args(string Provider, string Connection, string Verb, IReadOnlyDictionary<string, string> Named)
{
    public string Email => Named.TryGetValue("email", out var e) ? e : throw new ArgumentException("--email is required");
    public string Password => Named.TryGetValue("password", out var p) ? p : throw new ArgumentException("--password is required");

    public int Int(string name, int? fallback = null) =>
        Named.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required");

    public static Args Parse(string[] args)
    {
        var named = new Dictionary<string, string>();
        string? verb = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i][2..]] = args[++i];
            else verb ??= args[i];
        }
        return new(named.GetValueOrDefault("provider", "sqlite"),
            named.TryGetValue("connection", out var c) ? c : throw new ArgumentException("--connection is required"),
            verb ?? throw new ArgumentException("a verb is required: history or caseload"), named);
    }
}
