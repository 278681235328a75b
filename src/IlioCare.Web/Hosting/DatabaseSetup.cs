using IlioCare.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Hosting;

/// <summary>Chooses the provider from <c>Database:Provider</c> and migrates on start (SPEC §8).</summary>
internal static class DatabaseSetup
{
    public const string DefaultConnection = "Data Source=data/iliocare.db";

    public static void AddIlioCareDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "sqlite";
        var connection = builder.Configuration.GetConnectionString("IlioCare") ?? DefaultConnection;
        if (!DatabaseProvider.IsKnown(provider))
            throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{provider}'.");
        // Pooled (issue 17): a request leases a context that was reset instead of building one (options, services, the
        // change tracker): part of EF's fixed cost per request. The context holds no state of its own (only its
        // options), and the options are built once, so the one SqliteBusyTimeout is shared (it keeps no state either).
        // The model is compiled ahead (`dotnet ef dbcontext optimize`, one per provider, README "Schema changes"): building
        // it from the configurations was about a quarter of a start's main thread (issue 17). CompiledModelTests fails
        // when a generated model no longer matches the configurations.
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = SqliteFile(connection, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<IlioCareDbContext>(o => o
                .UseIlioCareDatabase(provider, sqlite)
                .UseModel(Migrations.Sqlite.CompiledModel.IlioCareDbContextModel.Instance)
                .AddInterceptors(new SqliteBusyTimeout()));
        }
        else
        {
            builder.Services.AddDbContextPool<IlioCareDbContext>(o => o
                .UseIlioCareDatabase(provider, connection)
                .UseModel(Migrations.Postgres.CompiledModel.IlioCareDbContextModel.Instance));
        }
    }

    /// <summary>A relative SQLite file is relative to the content root, and its folder is created.</summary>
    private static string SqliteFile(string connection, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connection);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        return csb.ToString();
    }

    public static async Task MigrateIlioCareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        // Several instances: migrate once with `iliocare migrate` and set MigrateOnStart=false (docs/operations.md).
        if (!app.Configuration.GetValue("Database:MigrateOnStart", true))
            return;
        // MigrateAsync builds the migrations' snapshot model and diffs it against the live one on every call, and
        // takes the migration lock (a write), even with nothing to apply: 57 % of a start's main thread (issue 7,
        // docs/performance.md "Load: where the time goes"). Asking for pending migrations reads only the history
        // table; a database that does not exist yet (or cannot be reached) still goes through MigrateAsync.
        if (!await db.Database.CanConnectAsync() || (await db.Database.GetPendingMigrationsAsync()).Any())
            await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while one request writes; the mode is stored in the file, so once is enough
            // (`iliocare migrate` sets it too, for a database migrated without the app).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
