using System.Buffers.Binary;
using System.Security.Cryptography;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.TwoFactor;

/// <summary>
/// Identity's authenticator check (RFC 6238, SHA-1, 6 digits, 30-second steps, two steps either side like
/// Identity's own provider) that accepts each time step once per account (issue 13 finding 3: the same code
/// signed in twice within 30 s). The step is claimed with one conditional UPDATE, so two requests racing
/// with the same code cannot both win, on any instance.
/// </summary>
internal sealed class ReplayProofAuthenticator(IlioCareDbContext db) : IUserTwoFactorTokenProvider<Account>
{
    private const int StepSeconds = 30, Window = 2;

    /// <summary>
    /// The real clock, not the app's TimeProvider: the code comes from a phone that reads real time, and tests
    /// move the app's clock by days.
    /// </summary>
    private static readonly TimeProvider s_clock = TimeProvider.System;

    public Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, System.Globalization.NumberStyles.None, null, out var code))
            return false;
        var secret = Base32Decode(key);
        var now = s_clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (Totp(secret, step) != code) continue;
            var claimed = await db.Users
                .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, (long?)step));
            return claimed == 1; // 0: this step (or a later one) was used already — a replay
        }
        return false;
    }

    /// <summary>RFC 4226 §5.3: HMAC over the big-endian counter, dynamic truncation, 6 digits.</summary>
    internal static int Totp(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 6238 and every authenticator app use for TOTP; HMAC-SHA1 is not broken
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff);
        return binary % 1_000_000;
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys (upper case, no padding).</summary>
    internal static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException("The authenticator key is not base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1; // keep only the bits not yet written
            }
        }
        return [.. output];
    }
}
