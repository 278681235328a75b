using Microsoft.EntityFrameworkCore;

namespace IlioCare.Data;

/// <summary>
/// The way to run several writes in one transaction. On PostgreSQL the context retries transient errors
/// (<see cref="DatabaseProvider"/>), and a retrying strategy refuses a bare <c>BeginTransaction</c>: the whole
/// unit must be replayable, so it runs inside <c>CreateExecutionStrategy().ExecuteAsync</c> (EF docs
/// "Connection resiliency"). On SQLite the strategy runs it once.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; on a transient failure the transaction is
    /// rolled back, the change tracker cleared and <paramref name="work"/> run again from the start — so it must
    /// load what it needs itself and not depend on entities tracked before the call. To abandon the unit
    /// (nothing saved), throw; returning commits whatever was saved.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        // SQLite: queue for the file's one writer without holding a thread (SqliteWriteGate, issue 7).
        SqliteWriteGate.RunAsync(db, () => RunAsync(db, work, ct), ct);

    private static Task<T> RunAsync<T>(DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear(); // the failed attempt's Added/Modified entries must not be saved twice
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
    }

    /// <summary>
    /// A find-or-insert unit that two requests can run at once (a double tap, two tabs, a replayed queue): both find no
    /// row, both insert, and the second insert fails on the unique index. That unit is run again from the start (up to
    /// three times, the change tracker cleared); the second run finds the first one's row and updates it, instead of
    /// answering 500. <paramref name="work"/> must load what it needs itself, as for <see cref="InTransactionAsync{T}"/>.
    /// </summary>
    public static async Task<T> InTransactionRetryingConflictsAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(work, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <inheritdoc cref="InTransactionRetryingConflictsAsync{T}(DbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public static Task InTransactionRetryingConflictsAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        db.InTransactionRetryingConflictsAsync(async token => { await work(token); return true; }, ct);

    /// <inheritdoc cref="InTransactionAsync{T}(DbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        db.InTransactionAsync(async token => { await work(token); return true; }, ct);
}
