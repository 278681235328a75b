using Microsoft.EntityFrameworkCore;

namespace IlioCare.Data;

/// <summary>
/// The one place that turns <c>Database:Provider</c> and a connection string into EF options (SPEC §8), shared
/// by the web host and the <c>iliocare</c> operator commands so both migrate with the same assembly.
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "sqlite", Postgres = "postgres";

    public static bool IsKnown(string provider) => provider is Sqlite or Postgres;

    public static DbContextOptionsBuilder UseIlioCareDatabase(this DbContextOptionsBuilder options, string provider, string connection) =>
        provider switch
        {
            Sqlite => options.UseSqlite(connection, x => x.MigrationsAssembly("IlioCare.Migrations.Sqlite")),
            // A PostgreSQL server restarts, fails over or drops idle connections behind a proxy: retry transient
            // errors (Npgsql decides which are transient). Side effect: a user transaction must run inside the
            // execution strategy — use InTransactionAsync (RECIPES.md pitfalls).
            // Back-off about 0, 1, 3, 3 s: a restart of a few seconds rides through, while a longer outage answers
            // 503 (DatabaseUnavailable) after ~7 s instead of ~21 s — a person waiting at a page gives up sooner
            // than that (H82, bench/faults/pg-restart.sh).
            Postgres => options.UseNpgsql(connection, x => x
                .MigrationsAssembly("IlioCare.Migrations.Postgres")
                .EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(3), errorCodesToAdd: null)),
            _ => throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'."),
        };
}
