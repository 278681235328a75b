namespace IlioCare.Cli.Operator;

/// <summary>The <c>--help</c> text of each operator command (docs/operations.md has the whole procedure).</summary>
internal static class OperatorHelp
{
    private const string Database = """
          --provider sqlite|postgres   default: $Database__Provider, else sqlite
          --connection "…"             default: $ConnectionStrings__IlioCare (keeps a password off the command line),
                                       else, for sqlite inside the repository, the web app's own database
                                       (src/IlioCare.Web/data/iliocare.db, found from the current folder upwards)
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

    public const string CreateAdmin = $"""
        usage: iliocare create-admin --email ADDRESS --name "NAME" < password-line

        Creates an admin account with the app's password rules (at least 8 characters). The password is the
        first line of stdin, so it is never on the command line (ps, shell history):
          read -rs PW && printf '%s\n' "$PW" | iliocare create-admin --email ops@example.org --name "Ops"
        The admin sets up two-factor sign-in at the first sign-in.

        {Database}

        Exit codes: 0 done, 1 refused (e-mail taken, weak password; message on stderr), 2 usage.
        """;

    public const string CreateClinician = $"""
        usage: iliocare create-clinician --email ADDRESS --name "NAME" < password-line

        Creates a clinician account, as the admin page does; the password is the first line of stdin (see
        create-admin). The clinician sets up two-factor sign-in at the first sign-in.

        {Database}

        Exit codes: 0 done, 1 refused (e-mail taken, weak password; message on stderr), 2 usage.
        """;

    public const string Export = $"""
        usage: iliocare export (--email ADDRESS | --id ACCOUNT-ID) [--format fhir|json] [--out FILE]

        Writes one patient's data: fhir (default) is an HL7 FHIR R4 Bundle (Patient, Observations, the
        assessment as a QuestionnaireResponse, the CarePlan, Procedures); json is the patient's own
        "export all my data". Without --out it goes to stdout; FILE must not exist yet (created 0600).

        {Database}

        Exit codes: 0 done, 1 no such account or the file exists, 2 usage.
        """;

    public const string SeedDemo = $"""
        usage: iliocare seed-demo --provider … --connection "…"

        Adds the demo patient (demo@iliocare.local) with three weeks of check-ins and sessions, exactly as
        the web app's --Demo:Seed=true does. Nothing happens if the demo patient exists. Migrate first.

        {Database}

        Exit codes: 0 done, 1 failed, 2 usage.
        """;

    public const string AuditVerify = $"""
        usage: iliocare audit-verify [--audit-key-file FILE] --provider … --connection "…"

        Recomputes the audit log's HMAC chain. The key: --audit-key-file (the app's data/audit.key, base64),
        else the Audit__Key variable (what several instances share), else, inside the repository, the web
        app's own src/IlioCare.Web/data/audit.key. Prints the rows checked and the last
        row number; keep that number elsewhere: cutting off the newest rows leaves a shorter chain that
        still verifies.

        {Database}

        Exit codes: 0 intact, 1 broken (the first broken row on stderr) or failed, 2 usage.
        """;
}
