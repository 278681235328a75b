using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Every SQLite connection waits up to 5 s for a lock instead of failing at once with SQLITE_BUSY when two
/// requests write together (RECIPES.md pitfalls: WAL mode with a busy timeout).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
