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
        switch (provider)
        {
            case "sqlite":
                var sqlite = SqliteFile(connection, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<IlioCareDbContext>(o => o
                    .UseSqlite(sqlite, x => x.MigrationsAssembly("IlioCare.Migrations.Sqlite"))
                    .AddInterceptors(new SqliteBusyTimeout()));
                break;
            case "postgres":
                builder.Services.AddDbContext<IlioCareDbContext>(o => o
                    .UseNpgsql(connection, x => x.MigrationsAssembly("IlioCare.Migrations.Postgres")));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{provider}'.");
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
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
            await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while one request writes; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
