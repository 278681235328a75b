using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Data;

/// <summary>
/// One write transaction at a time per SQLite file in this process, waited for asynchronously. SQLite allows a
/// single writer; without this gate a second <c>BEGIN IMMEDIATE</c> blocks its thread-pool thread inside SQLite's
/// busy handler, which polls with sleeps of up to 100 ms — under load (issue 7, docs/performance.md) the check-in
/// post spent most of its time there, threads piled up and throughput fell to a fraction of the raw ceiling. The
/// busy timeout stays as the guard against writers outside the gate (another process, a plain SaveChanges).
/// PostgreSQL locks rows, not the database, so it passes straight through.
/// </summary>
internal static class SqliteWriteGate
{
    /// <summary>Twice the 5 s busy timeout the web app sets on every connection: a queue, not a lock-up.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate this async flow holds already: a unit started inside a unit must not wait for itself.</summary>
    private static readonly AsyncLocal<string?> Held = new();

    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> unit, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await unit();
        var file = db.Database.GetConnectionString() ?? "";
        if (Held.Value == file) return await unit();
        var gate = Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        // Bounded, as SQLite's own busy timeout is:
        // a writer stuck behind a unit that never finishes fails cleanly instead of queueing for ever.
        if (!await gate.WaitAsync(MaxWait, ct))
            throw new TimeoutException($"Another write to the database has held it for over {MaxWait.TotalSeconds:F0} s.");
        try
        {
            Held.Value = file; // flows into the unit, undone when this method returns
            return await unit();
        }
        finally
        {
            gate.Release();
        }
    }
}
