namespace IlioCare.Cli.Operator;

/// <summary>The <c>--help</c> text of each operator command (docs/operations.md has the whole procedure).</summary>
internal static class OperatorHelp
{
    private const string Database = """
          --provider sqlite|postgres   default: $Database__Provider, else sqlite
          --connection "…"             default: $ConnectionStrings__IlioCare (keeps a password off the command line)
                                       sqlite: "Data Source=data/iliocare.db" (relative to the current folder)
                                       postgres: "Host=…;Port=5432;Username=…;Password=…;Database=…"
        """;

    public const string Migrate = $"""
        usage: iliocare migrate --provider … --connection "…"

        Applies the pending migrations of that provider (creating the database file or schema), the same ones
        the web app applies on start. With several instances: migrate once, then start the instances with
        Database:MigrateOnStart=false.

        {Database}

        Exit codes: 0 done, 1 failed (message on stderr), 2 usage.
        """;

    public const string Backup = $"""
        usage: iliocare backup --provider … --connection "…" --out FILE

        Copies the whole database to FILE while the app keeps running: SQLite through its online backup API,
        PostgreSQL with pg_dump -Fc (custom format, for pg_restore). FILE must not exist yet.

        {Database}

        Exit codes: 0 done, 1 failed (message on stderr), 2 usage.
        """;

    public const string Restore = $"""
        usage: iliocare restore --provider … --connection "…" --from FILE

        Replaces the database's contents with FILE, a backup of the same provider. Stop every app instance
        first. SQLite: the online backup API from FILE into the database. PostgreSQL: pg_restore --clean
        --if-exists --no-owner --single-transaction (all or nothing). Then start the app (or run iliocare migrate
        if the backup is older than the app).

        {Database}

        Exit codes: 0 done, 1 failed (message on stderr), 2 usage.
        """;
}
