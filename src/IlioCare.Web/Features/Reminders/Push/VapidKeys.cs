using System.Buffers.Text;
using System.Security.Cryptography;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Reminders.Push;

/// <summary>
/// The deployment's VAPID key pair (RFC 8292): made once, on the first start that finds none, and kept in
/// <c>WebPushKeys</c> with the private key encrypted by the at-rest key (H200), so every instance signs with the same
/// key and browsers' subscriptions outlive a restart. Cached after the first read.
/// </summary>
internal sealed class VapidKeys(IServiceScopeFactory scopes, AtRestKey atRest, TimeProvider clock) : IDisposable
{
    public const string Purpose = "web-push-vapid";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VapidPair? _pair;

    public async Task<VapidPair> GetAsync(CancellationToken ct)
    {
        if (_pair is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            if (_pair is { } again) return again;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
            var row = await db.WebPushKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == WebPushKey.TheOne, ct)
                ?? await CreateAsync(db, ct);
            _pair = new VapidPair(row.PublicKey, atRest.Decrypt(Purpose, row.PrivateKeyProtected));
            return _pair;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>A new P-256 pair; of two instances starting at once, the second's insert fails on the key and it reads the first's.</summary>
    private async Task<WebPushKey> CreateAsync(IlioCareDbContext db, CancellationToken ct)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(includePrivateParameters: true);
        var row = new WebPushKey
        {
            Id = WebPushKey.TheOne,
            PublicKey = Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]), // the uncompressed point browsers expect
            PrivateKeyProtected = atRest.Encrypt(Purpose, Base64Url.EncodeToString(p.D!)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                db.WebPushKeys.Add(row);
                await db.SaveChangesAsync(token);
            }, ct);
            return row;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.WebPushKeys.AsNoTracking().FirstAsync(k => k.Id == WebPushKey.TheOne, ct);
        }
    }

    /// <summary>Re-encrypts the private key under the current at-rest key after a rotation (called by <see cref="SecretsAtRest"/>).</summary>
    internal static void ReEncrypt(AtRestKey key, WebPushKey row)
    {
        if (!key.IsCurrent(row.PrivateKeyProtected))
            row.PrivateKeyProtected = key.Encrypt(Purpose, key.Decrypt(Purpose, row.PrivateKeyProtected));
    }
}

/// <summary>Both halves base64url, as VAPID and the browser's applicationServerKey want them.</summary>
internal sealed record VapidPair(string PublicKey, string PrivateKey);
