using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.TwoFactor;

/// <summary>
/// One enrolment of an authenticator app (issue 13 finding 2). Each time the set-up page starts, it draws a fresh key
/// that is stored nowhere: it travels only inside the page's own form, as a ticket encrypted and signed with the
/// data-protection keys, bound to the account and its security stamp and good for <see cref="Lifetime"/>. The key
/// becomes the account's only when a code from it is confirmed. So a key read before (someone who saw a
/// clinician's first password and opened the page) is not the key the clinician enrols, and a ticket from before
/// an enrolment or an admin's reset (both change the security stamp) cannot be used afterwards.
/// </summary>
internal sealed class TwoFactorEnrolment(IDataProtectionProvider protection, UserManager<Account> users, IlioCareDbContext db)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const int StepSeconds = 30, Window = 2; // as ReplayProofAuthenticator

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("IlioCare.TwoFactor.Enrolment.v1").ToTimeLimitedDataProtector();

    /// <summary>A fresh key and the ticket that carries it in the form.</summary>
    public (string Key, string Ticket) Start(Account account)
    {
        var key = users.GenerateNewAuthenticatorKey();
        return (key, Protector.Protect($"{account.Id}\n{account.SecurityStamp}\n{key}", Lifetime));
    }

    /// <summary>The key of a ticket this account's set-up page made, or null (expired, changed, another account's, stale).</summary>
    public string? Resume(Account account, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket)) return null;
        string text;
        try { text = Protector.Unprotect(ticket); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = text.Split('\n');
        return parts.Length == 3 && parts[0] == account.Id && parts[1] == (account.SecurityStamp ?? "") ? parts[2] : null;
    }

    /// <summary>
    /// Confirms <paramref name="code"/> against the enrolment's key; on success the key becomes the account's, and the
    /// code's time step counts as used (the replay guard, issue 13 finding 3). False for a wrong code.
    /// </summary>
    public async Task<bool> ConfirmAsync(Account account, string key, string code)
    {
        if (MatchingStep(key, code) is not { } step) return false;
        await users.SetAuthenticationTokenAsync(account, ProtectedTokenUserStore.InternalLoginProvider, "AuthenticatorKey", key);
        await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, (long?)step));
        return true;
    }

    /// <summary>The time step (real clock, two steps either side) whose code is <paramref name="code"/>.</summary>
    private static long? MatchingStep(string key, string code)
    {
        if (code.Length != 6 || !int.TryParse(code, System.Globalization.NumberStyles.None, null, out var value)) return null;
        var secret = ReplayProofAuthenticator.Base32Decode(key);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Window; step <= now + Window; step++)
            if (ReplayProofAuthenticator.Totp(secret, step) == value) return step;
        return null;
    }
}
