using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Seed;

/// <summary>Accounts for the growth runs: a few that sign in (through Identity, hashed passwords) and many that never do.</summary>
internal static class Accounts
{
    /// <summary>An account that signs in with a password (one PBKDF2 hash each: only the few the script uses).</summary>
    public static async Task<Account> CreateAsync(UserManager<Account> users, string email, string password, string role, string name, DateTime at)
    {
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = at };
        Check(await users.CreateAsync(account, password));
        Check(await users.AddToRoleAsync(account, role));
        return account;
    }

    /// <summary>A patient row that never signs in (the caseload's many): no password hash, so a thousand cost no PBKDF2.</summary>
    public static Account Bare(string email, string name, DateTime at) => new()
    {
        Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name, CreatedAtUtc = at,
        SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
    };

    public static async Task<string> RoleIdAsync(IlioCareDbContext db, string role) =>
        await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();

    /// <summary>Two-factor on with a fresh authenticator key (what the set-up page does); returns the base32 key.</summary>
    public static async Task<string> EnableTwoFactorAsync(UserManager<Account> users, Account account)
    {
        Check(await users.ResetAuthenticatorKeyAsync(account));
        Check(await users.SetTwoFactorEnabledAsync(account, true));
        return await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("no authenticator key");
    }

    /// <summary>A personal access token stored as the app stores it (SHA-256 hex of "ilc_" + 32 random bytes).</summary>
    public static async Task<string> TokenAsync(IlioCareDbContext db, string accountId, DateTime at)
    {
        var token = "ilc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.AccessTokens.Add(new AccessToken
        {
            AccountId = accountId, Name = "growth bench", Prefix = token[..10],
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(30),
        });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Saves in chunks with a cleared tracker: tens of thousands of rows without the tracker growing.</summary>
    public static async Task SaveAsync<T>(IlioCareDbContext db, IEnumerable<T> rows, int chunk = 4000) where T : class
    {
        var batch = new List<T>(chunk);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < chunk) continue;
            await FlushAsync(db, batch);
        }
        await FlushAsync(db, batch);
    }

    private static async Task FlushAsync<T>(IlioCareDbContext db, List<T> batch) where T : class
    {
        if (batch.Count == 0) return;
        db.Set<T>().AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
