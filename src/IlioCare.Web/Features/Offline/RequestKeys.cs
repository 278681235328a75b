using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Offline;

/// <summary>
/// Idempotency keys (issue 14): every check-in and exercise-log form carries one in a hidden field (and API clients
/// may send an <c>Idempotency-Key</c> header), so a post the phone queued while offline and sends again — or sends
/// twice — is carried out once. The key is recorded in the same transaction as the write (<see cref="ProcessedRequest"/>).
/// </summary>
internal static class RequestKeys
{
    public const string Header = "Idempotency-Key";
    public const string CheckIn = "check-in";
    public const string ExerciseLog = "exercise-log";

    /// <summary>A fresh key for a form the server renders.</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>A key is optional; when given it is 1–64 letters, digits, '-' or '_' (a UUID fits).</summary>
    public static bool IsValid(string? key) =>
        key is null || (key.Length is > 0 and <= ProcessedRequest.MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    public const string Invalid = "must be 1 to 64 letters, digits, '-' or '_' (a UUID fits)";

    /// <summary>
    /// Inside the caller's transaction: true when this key was carried out before (do nothing again); otherwise the
    /// key is added to the unit of work and saved with it. Two copies racing past the read both try to insert the
    /// same primary key; the second fails, and the caller's day transaction retries and then finds the key.
    /// </summary>
    public static async Task<bool> AlreadyDoneAsync(IlioCareDbContext db, string accountId, string? key, string kind, DateTime now, CancellationToken ct)
    {
        if (key is null) return false;
        if (await db.ProcessedRequests.AnyAsync(r => r.AccountId == accountId && r.Key == key, ct)) return true;
        db.ProcessedRequests.Add(new ProcessedRequest { AccountId = accountId, Key = key, Kind = kind, ProcessedAtUtc = now });
        return false;
    }
}
