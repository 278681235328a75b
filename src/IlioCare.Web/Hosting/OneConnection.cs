using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Runs a handler's reads on one open connection (issue 17). EF opens and closes the connection around every query
/// it runs on its own: on SQLite each open also ran the busy-timeout pragma, and on PostgreSQL a connection taken
/// back from Npgsql's pool is reset (DISCARD ALL) before its next command. A page of six to eleven queries paid that
/// six to eleven times; now once. Inside a transaction (the connection already open) it changes nothing.
/// </summary>
internal static class OneConnection
{
    public static async Task<T> OnOneConnectionAsync<T>(this IlioCareDbContext db, Func<Task<T>> reads, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await reads();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
