using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Data;

/// <summary>What a clinician (or admin) did with a patient's data (F15); the <c>Action</c> column of the audit log.</summary>
public static class AuditAction
{
    public const string ReadCaseload = "read:caseload";
    public const string ReadPatient = "read:patient";
    public const string ReadExport = "read:export";
    public const string ChangeProgram = "change:program";
    public const string ChangeDose = "change:dose";
    public const string AcknowledgeAlert = "change:alert-acknowledged";
    public const string RecordTreatment = "change:treatment";
    public const string Link = "change:link";
    public const string Unlink = "change:unlink";
    public const string Discharge = "change:discharge";
}

/// <summary>The result of <see cref="AuditTrail.VerifyAsync"/>: whole, or the first row where the chain breaks.</summary>
public sealed record AuditVerification(long RowsChecked, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>
/// The tamper-evident audit log (F15, RECIPES.md "Audit log"). Each row carries an HMAC-SHA256 over its own
/// fields and the previous row's MAC, keyed with a secret kept outside the database (configuration or a key
/// file): someone with write access to the database can change or delete rows, but cannot make the chain
/// verify again. Accounts appear only as pseudonyms (a keyed hash of the id), so deleting an account keeps
/// the chain whole. Limitation (docs/safety.md): cutting off the newest rows leaves a shorter chain that still
/// verifies; the verifier reports the last sequence number so an operator can compare it with a copy.
/// </summary>
public sealed class AuditTrail
{
    private static readonly SemaphoreSlim s_appendLock = new(1, 1);
    private readonly byte[] _key;

    public AuditTrail(byte[] key)
    {
        // NIST SP 800-107: an HMAC key at least as long as the hash output (32 bytes for SHA-256).
        if (key.Length < 32) throw new ArgumentException("The audit key must be at least 32 bytes.", nameof(key));
        _key = key;
    }

    /// <summary>The stable pseudonym of an account in the audit log.</summary>
    public string Pseudonym(string accountId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("account:" + accountId)))[..32];

    /// <summary>Appends one entry. Joins the caller's transaction if there is one, so a change and its audit row commit together.</summary>
    public Task RecordAsync(IlioCareDbContext db, string actorId, string? subjectId, string action, string? detail, DateTime atUtc, CancellationToken ct) =>
        RecordManyAsync(db, actorId, subjectId is null ? [null] : [subjectId], action, detail, atUtc, ct);

    /// <summary>Appends one entry per subject (a caseload read names every patient it showed) under one lock.</summary>
    public async Task RecordManyAsync(IlioCareDbContext db, string actorId, IReadOnlyList<string?> subjectIds, string action, string? detail, DateTime atUtc, CancellationToken ct)
    {
        if (subjectIds.Count == 0) return;
        // Milliseconds only: PostgreSQL keeps microseconds, SQLite ticks; the MAC must see what is read back.
        var at = new DateTime(atUtc.Ticks - atUtc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        if (db.Database.CurrentTransaction is not null)
        {
            await AppendAsync(db, actorId, subjectIds, action, detail, at, ct);
            return;
        }
        await db.InTransactionAsync(token => AppendAsync(db, actorId, subjectIds, action, detail, at, token), ct);
    }

    private async Task AppendAsync(IlioCareDbContext db, string actorId, IReadOnlyList<string?> subjectIds, string action, string? detail, DateTime at, CancellationToken ct)
    {
        // Appends are serialised so sequence numbers have no gaps and each row chains to the one before:
        // in this process by a semaphore, across instances by a transaction-scoped advisory lock on PostgreSQL
        // (SQLite's write transaction is already exclusive: Microsoft.Data.Sqlite begins IMMEDIATE).
        await s_appendLock.WaitAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
            var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Mac }).FirstOrDefaultAsync(ct);
            var (sequence, previousMac) = last is null ? (0L, "") : (last.Sequence, last.Mac);
            var actor = Pseudonym(actorId);
            foreach (var subjectId in subjectIds)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence, AtUtc = at, Actor = actor, Subject = subjectId is null ? null : Pseudonym(subjectId),
                    Action = action, Detail = detail is { Length: > 500 } ? detail[..500] : detail, Mac = "",
                };
                entry.Mac = previousMac = MacOf(entry, previousMac);
                db.AuditLog.Add(entry);
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            s_appendLock.Release();
        }
    }

    /// <summary>Walks the whole log in order: every sequence number present once, every MAC recomputed.</summary>
    public async Task<AuditVerification> VerifyAsync(IlioCareDbContext db, CancellationToken ct)
    {
        long expected = 1, checkedRows = 0;
        var previousMac = "";
        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
                return new(checkedRows, expected, $"row {expected} is missing (next row is {entry.Sequence}): deleted");
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(MacOf(entry, previousMac)), Encoding.ASCII.GetBytes(entry.Mac)))
                return new(checkedRows, entry.Sequence, $"row {entry.Sequence} does not match its MAC: changed (or the key is wrong)");
            previousMac = entry.Mac;
            expected++;
            checkedRows++;
        }
        return new(checkedRows, null, null);
    }

    private string MacOf(AuditEntry e, string previousMac)
    {
        var text = string.Join('\n',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.Actor, e.Subject ?? "", e.Action, e.Detail ?? "", previousMac);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
