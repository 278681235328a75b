using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Every SQLite connection waits up to 5 s for a lock instead of failing at once with SQLITE_BUSY when two
/// requests write together (RECIPES.md pitfalls: WAL mode with a busy timeout). The pragma belongs to the native
/// connection, which Microsoft.Data.Sqlite's pool keeps open between uses: it is set once per native connection, not
/// on every open (issue 17: an extra statement before each of a page's queries).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    /// <summary>The native connections already set; an entry goes when its handle is collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Set = [];

    private static bool AlreadySet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Set.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Set.AddOrUpdate(handle, Set);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadySet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadySet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }
}
