using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IlioCare.Data;

/// <summary>
/// Writes that lost a race (issue 13 finding 6), told apart on both providers so the caller answers 2xx/4xx,
/// never 500: a unique index (two taps of the same button at once: the row exists now, read it) or a foreign
/// key (the account was deleted while its cookie was still in a browser).
/// </summary>
public static class ConstraintViolation
{
    private const int SqliteConstraint = 19;

    /// <summary>SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555); PostgreSQL 23505.</summary>
    public static bool IsUnique(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>SQLITE_CONSTRAINT_FOREIGNKEY (787); PostgreSQL 23503.</summary>
    public static bool IsForeignKey(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == 787,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}
