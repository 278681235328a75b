using System.Security.Cryptography;
using System.Text;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The key that encrypts secrets stored in the database (issue 13 finding 1): the data-protection key ring
/// (which signs every cookie) and Identity's authenticator keys and recovery codes. It is never in the
/// database, so a copy of the database or of a backup alone cannot forge a cookie or a second factor.
/// <c>DataProtection:Key</c> (base64, ≥ 32 bytes, the same on every instance) or else <c>data/dataprotection.key</c>
/// made on first start, like the audit key. <c>DataProtection:PreviousKeys</c> (base64 list) still decrypt
/// during a rotation; everything is re-encrypted under the current key on start (<see cref="SecretsAtRest"/>).
/// AES-256-GCM; each purpose gets its own subkey (HKDF), and the ciphertext names the key it was made with.
/// </summary>
public sealed class AtRestKey
{
    private const byte Version = 1;
    private const int IdLength = 8, NonceLength = 12, TagLength = 16;
    private readonly byte[] _current;
    private readonly byte[] _currentId;
    private readonly IReadOnlyList<byte[]> _previous;

    public AtRestKey(byte[] current, IEnumerable<byte[]>? previous = null)
    {
        // NIST SP 800-38D with a 256-bit key; shorter keys are refused rather than stretched.
        if (current.Length < 32) throw new ArgumentException("DataProtection:Key must be at least 32 bytes.", nameof(current));
        _current = current;
        _currentId = IdOf(current);
        _previous = [.. previous ?? []];
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for one purpose; returns base64 text for a database column.</summary>
    public string Encrypt(string purpose, string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + IdLength + NonceLength + TagLength + data.Length];
        output[0] = Version;
        _currentId.CopyTo(output, 1);
        var nonce = output.AsSpan(1 + IdLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Subkey(_current, purpose), TagLength);
        aes.Encrypt(nonce, data, output.AsSpan(1 + IdLength + NonceLength + TagLength), output.AsSpan(1 + IdLength + NonceLength, TagLength),
            Encoding.UTF8.GetBytes(purpose));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> made with the current or a previous key; throws if it was changed or the key is unknown.</summary>
    public string Decrypt(string purpose, string ciphertext)
    {
        var input = Convert.FromBase64String(ciphertext);
        if (input.Length < 1 + IdLength + NonceLength + TagLength || input[0] != Version)
            throw new CryptographicException("Not a secret encrypted by IlioCare.");
        var key = KeyWithId(input.AsSpan(1, IdLength))
            ?? throw new CryptographicException("This secret was encrypted with a key that is not configured (DataProtection:Key / PreviousKeys).");
        var plain = new byte[input.Length - (1 + IdLength + NonceLength + TagLength)];
        using var aes = new AesGcm(Subkey(key, purpose), TagLength);
        aes.Decrypt(input.AsSpan(1 + IdLength, NonceLength), input.AsSpan(1 + IdLength + NonceLength + TagLength),
            input.AsSpan(1 + IdLength + NonceLength, TagLength), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True if <paramref name="ciphertext"/> was made with the current key (nothing to re-encrypt).</summary>
    public bool IsCurrent(string ciphertext)
    {
        Span<byte> head = stackalloc byte[1 + IdLength];
        return Convert.TryFromBase64Chars(ciphertext.AsSpan(0, Math.Min(ciphertext.Length, 12)), head, out var written)
            && written >= 1 + IdLength && head[0] == Version && head[1..].SequenceEqual(_currentId);
    }

    private byte[]? KeyWithId(ReadOnlySpan<byte> id)
    {
        if (id.SequenceEqual(_currentId)) return _current;
        foreach (var key in _previous)
            if (id.SequenceEqual(IdOf(key))) return key;
        return null;
    }

    private static byte[] IdOf(byte[] key) => SHA256.HashData([.. "iliocare-at-rest-key-id:"u8, .. key])[..IdLength];

    private static byte[] Subkey(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes("iliocare:" + purpose));

    /// <summary>Reads <c>DataProtection:Key</c> (or the key file) and <c>DataProtection:PreviousKeys</c>.</summary>
    public static AtRestKey FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var current = SecretKeyFile.Load(configuration["DataProtection:Key"], configuration["DataProtection:KeyFile"] ?? "data/dataprotection.key",
            contentRoot, "DataProtection:Key");
        var previous = configuration.GetSection("DataProtection:PreviousKeys").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Convert.FromBase64String(v!));
        return new AtRestKey(current, previous);
    }
}
