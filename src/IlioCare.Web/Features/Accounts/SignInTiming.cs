using System.Diagnostics;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// A refused sign-in takes the same time whether the address has an account or not (issue 13 finding 10, H164).
/// An unknown address verifies a dummy hash (one PBKDF2, as a known one does); and every refusal is answered no
/// sooner than <see cref="Floor"/> after the attempt began, because a known address also writes its failure count
/// (bench/signin-timing.sh measured that write at about 40 ms on SQLite). The wait is a timer on the real clock, not
/// work: it costs no CPU, and only wrong attempts pay it.
/// </summary>
internal static class SignInTiming
{
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(400);

    private static string? s_dummyHash;

    /// <summary>The hash work of a known address, for an unknown one.</summary>
    public static void VerifyDummy(IPasswordHasher<Account> hasher, string password)
    {
        s_dummyHash ??= hasher.HashPassword(new Account(), "timing only, never a password");
        hasher.VerifyHashedPassword(new Account(), s_dummyHash, password);
    }

    /// <summary>Waits out the rest of <see cref="Floor"/> since <paramref name="started"/> (real time: tests fake the app's clock).</summary>
    public static Task FloorAsync(long started, CancellationToken ct)
    {
        var left = Floor - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? Task.Delay(left, ct) : Task.CompletedTask;
    }
}
