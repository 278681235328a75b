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
            Postgres => options.UseNpgsql(connection, x => x
                .MigrationsAssembly("IlioCare.Migrations.Postgres")
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorCodesToAdd: null)),
            _ => throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'."),
        };
}
