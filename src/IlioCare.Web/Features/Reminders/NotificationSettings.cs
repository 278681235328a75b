using System.Buffers.Text;
using System.Security.Cryptography;
using IlioCare.Data;
using IlioCare.Web.Features.Reminders.Push;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Reminders;

/// <summary>A browser's push subscription as its <c>toJSON()</c> gives it (endpoint and the two RFC 8291 keys).</summary>
internal sealed record DeviceSubscription(string Endpoint, string P256dh, string Auth);

/// <summary>
/// The signed-in person's notification choices and devices, for the page and the API alike. Every query filters by
/// the caller's own account id; everything is off until they turn it on.
/// </summary>
internal static class NotificationSettings
{
    public static async Task<NotificationPreference> LoadAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(n => n.AccountId == accountId, ct)
        ?? new NotificationPreference { AccountId = accountId };

    public static Task<int> DeviceCountAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        db.PushSubscriptions.CountAsync(s => s.AccountId == accountId, ct);

    /// <summary>Saves the choices; <paramref name="change"/> edits the stored (or new) row.</summary>
    public static Task SaveAsync(IlioCareDbContext db, string accountId, Action<NotificationPreference> change, CancellationToken ct) =>
        db.InTransactionRetryingConflictsAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var row = await db.NotificationPreferences.FirstOrDefaultAsync(n => n.AccountId == accountId, token);
            if (row is null)
            {
                row = new NotificationPreference { AccountId = accountId };
                db.NotificationPreferences.Add(row);
            }
            change(row);
            await db.SaveChangesAsync(token);
        }, ct);

    /// <summary>
    /// One row per device: an endpoint already stored (this account's, or another's who used this browser before) is
    /// moved to the caller with the new keys, never doubled — also when the same device is sent twice at once.
    /// </summary>
    public static Task SubscribeAsync(IlioCareDbContext db, string accountId, DeviceSubscription device, DateTime nowUtc, CancellationToken ct) =>
        db.InTransactionRetryingConflictsAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var row = await db.PushSubscriptions.FirstOrDefaultAsync(s => s.Endpoint == device.Endpoint, token);
            if (row is null)
            {
                row = new PushSubscriptionRecord { AccountId = accountId, Endpoint = device.Endpoint, P256dh = device.P256dh, Auth = device.Auth, CreatedAtUtc = nowUtc };
                db.PushSubscriptions.Add(row);
            }
            (row.AccountId, row.P256dh, row.Auth) = (accountId, device.P256dh, device.Auth);
            await db.SaveChangesAsync(token);
        }, ct);

    /// <summary>This device off (its endpoint), or every device of the account (null). False when nothing of the caller's matched.</summary>
    public static async Task<bool> UnsubscribeAsync(IlioCareDbContext db, string accountId, string? endpoint, CancellationToken ct) =>
        await db.InTransactionAsync(token => db.PushSubscriptions
            .Where(s => s.AccountId == accountId && (endpoint == null || s.Endpoint == endpoint)).ExecuteDeleteAsync(token), ct) > 0;

    /// <summary>The field errors of a subscription, by JSON path (empty when it is good).</summary>
    public static Dictionary<string, string[]> Check(DeviceSubscription device, PushOptions options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!options.Allows(device.Endpoint))
            errors["endpoint"] = ["must be the https address of a known push service (the browser's PushSubscription.endpoint)"];
        if (!IsPublicKey(device.P256dh))
            errors["keys.p256dh"] = ["must be the browser's P-256 public key: 65 bytes, base64url"];
        if (!(TryDecode(device.Auth, out var auth) && auth.Length == 16))
            errors["keys.auth"] = ["must be the browser's 16-byte auth secret, base64url"];
        return errors;
    }

    /// <summary>An uncompressed point that is really on P-256 (the import checks it), so a send can never fail on a bad key.</summary>
    private static bool IsPublicKey(string value)
    {
        if (!TryDecode(value, out var bytes) || bytes.Length != 65 || bytes[0] != 0x04) return false;
        try
        {
            using var ecdh = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = bytes[1..33], Y = bytes[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = [];
        var trimmed = value.TrimEnd('='); // some browsers pad
        if (trimmed.Length is 0 or > 200 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        try
        {
            bytes = Base64Url.DecodeFromChars(trimmed);
            return true;
        }
        catch (FormatException)
        {
            return false; // a length base64 cannot have
        }
    }

    /// <summary>Stored without padding, as browsers give them.</summary>
    public static DeviceSubscription Normalised(DeviceSubscription d) => d with { P256dh = d.P256dh.TrimEnd('='), Auth = d.Auth.TrimEnd('=') };
}
