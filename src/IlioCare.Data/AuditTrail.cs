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
/// The tamper-evident audit log (F15, RECIPES.md "Audit log", ADR-0007, ADR-0010). Each row carries an
/// HMAC-SHA256 over its own fields and the previous row's MAC, keyed with a secret kept outside the database
/// (configuration or a key file): someone with write access to the database can change or delete rows, but
/// cannot make the chain verify again. The head of the chain (last sequence number and MAC) is anchored in a
/// signed checkpoint row of its own table (<see cref="AuditHead"/>), written in the same transaction as each
/// append, so cutting off the newest rows — or deleting them all — is reported (issue 13 finding 9). Accounts
/// appear only as pseudonyms (a keyed hash of the id), so deleting an account keeps the chain whole.
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
            var head = await HeadForAppendAsync(db, ct);
            // The chain goes on from the checkpoint, not from the table's last row: after a cut the next row
            // leaves a gap that the verifier reports, rather than quietly chaining onto the shortened log.
            var (sequence, previousMac) = (head.Sequence, head.Mac);
            var actor = Pseudonym(actorId);
            foreach (var subjectId in subjectIds)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence, AtUtc = at, Actor = actor, Subject = subjectId is null ? null : Pseudonym(subjectId),
                    Action = action, Detail = detail is { Length: > 500 } ? detail[..500] : detail, Mac = "",
                };
                entry.Mac = previousMac = MacOf(entry, previousMac, head.EncodingFrom);
                db.AuditLog.Add(entry);
            }
            (head.Sequence, head.Mac) = (sequence, previousMac);
            head.HeadMac = HeadMacOf(head);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            s_appendLock.Release();
        }
    }

    /// <summary>
    /// Makes the checkpoint if there is none yet (a database from before ADR-0010): called on start, so that from
    /// then on a missing checkpoint means a deleted one.
    /// </summary>
    public async Task EnsureHeadAsync(IlioCareDbContext db, CancellationToken ct)
    {
        await db.InTransactionAsync(async token =>
        {
            await s_appendLock.WaitAsync(token);
            try
            {
                if (db.Database.IsNpgsql())
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", token);
                await HeadForAppendAsync(db, token);
                await db.SaveChangesAsync(token);
            }
            finally
            {
                s_appendLock.Release();
            }
        }, ct);
    }

    /// <summary>The tracked checkpoint; a new one from the table's last row when there is none (rows before it keep the old MAC encoding).</summary>
    private async Task<AuditHead> HeadForAppendAsync(IlioCareDbContext db, CancellationToken ct)
    {
        if (await db.AuditHeads.FirstOrDefaultAsync(h => h.Id == AuditHead.TheOne, ct) is { } head) return head;
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Mac }).FirstOrDefaultAsync(ct);
        var (sequence, mac) = last is null ? (0L, "") : (last.Sequence, last.Mac);
        head = new AuditHead { Id = AuditHead.TheOne, Sequence = sequence, Mac = mac, EncodingFrom = sequence + 1, HeadMac = "" };
        head.HeadMac = HeadMacOf(head);
        db.AuditHeads.Add(head);
        return head;
    }

    /// <summary>
    /// Walks the log in order up to the signed checkpoint: the checkpoint's own MAC, every sequence number present
    /// once, every row's MAC recomputed, and the last row the one the checkpoint names (nothing cut off the end).
    /// The checkpoint is read first: rows appended while the walk runs lie beyond it and are left for next time.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IlioCareDbContext db, CancellationToken ct)
    {
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditHead.TheOne, ct);
        if (head is null)
        {
            // Every start makes the checkpoint (EnsureHeadAsync): without one, a log with rows — or a database with
            // accounts — had its checkpoint deleted, perhaps with the rows.
            return await db.AuditLog.AnyAsync(ct) || await db.Users.AnyAsync(ct)
                ? new(0, 1, "the signed checkpoint of the last row is missing: deleted, and rows may be missing with it (or no instance of this version has started on this database yet)")
                : new(0, null, null);
        }
        var (limit, encodingFrom) = (head.Sequence, head.EncodingFrom);
        long expected = 1, checkedRows = 0;
        var previousMac = "";
        await foreach (var entry in db.AuditLog.AsNoTracking().Where(e => e.Sequence <= limit).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
                return new(checkedRows, expected, $"row {expected} is missing (next row is {entry.Sequence}): deleted");
            if (!Same(MacOf(entry, previousMac, encodingFrom), entry.Mac))
                return new(checkedRows, entry.Sequence, $"row {entry.Sequence} does not match its MAC: changed (or the key is wrong)");
            previousMac = entry.Mac;
            expected++;
            checkedRows++;
        }
        // After the rows, so a wrong key is reported at row 1 as before; the walk only used the checkpoint as a limit.
        if (!Same(HeadMacOf(head), head.HeadMac))
            return new(checkedRows, checkedRows + 1, $"the signed checkpoint of the last row (it says row {head.Sequence}) does not match its MAC: changed, rows may be missing (or the key is wrong)");
        if (checkedRows != head.Sequence)
            return new(checkedRows, checkedRows + 1, $"rows {checkedRows + 1} to {head.Sequence} are missing: the newest rows were cut off (the signed checkpoint says the log ends at row {head.Sequence})");
        if (!Same(previousMac, head.Mac))
            return new(checkedRows - 1, head.Sequence, $"row {head.Sequence} is not the row the checkpoint signed: replaced");
        return new(checkedRows, null, null);
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    /// <summary>
    /// Rows from <paramref name="encodingFrom"/> on: each field with its length in front (ADR-0010), so text cannot
    /// slide from one field into the next. Older rows keep the encoding they were signed with (fields joined by
    /// line breaks); the checkpoint's MAC covers where the change happened, so it cannot be moved.
    /// </summary>
    private string MacOf(AuditEntry e, string previousMac, long encodingFrom)
    {
        var at = e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var sequence = e.Sequence.ToString(CultureInfo.InvariantCulture);
        if (e.Sequence < encodingFrom)
            return Hmac(Encoding.UTF8.GetBytes(string.Join('\n', sequence, at, e.Actor, e.Subject ?? "", e.Action, e.Detail ?? "", previousMac)));
        return Hmac(LengthPrefixed("audit-row-v2", sequence, at, e.Actor, e.Subject, e.Action, e.Detail, previousMac));
    }

    private string HeadMacOf(AuditHead head) => Hmac(LengthPrefixed("audit-head-v2",
        head.Sequence.ToString(CultureInfo.InvariantCulture), head.Mac, head.EncodingFrom.ToString(CultureInfo.InvariantCulture)));

    private string Hmac(byte[] input) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, input));

    /// <summary>Each field as its UTF-8 byte count (4 bytes, big-endian; −1 for null) and then its bytes.</summary>
    internal static byte[] LengthPrefixed(params string?[] fields)
    {
        var buffer = new List<byte>();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, field is null ? -1 : bytes.Length);
            buffer.AddRange(length);
            buffer.AddRange(bytes);
        }
        return [.. buffer];
    }
}
