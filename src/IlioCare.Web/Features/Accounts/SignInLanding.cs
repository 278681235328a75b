using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Accounts;

/// <summary>Where a sign-in (password, then perhaps a second factor) goes next.</summary>
internal static class SignInLanding
{
    /// <summary>The two-factor set-up page: staff without a second factor are sent here (F15).</summary>
    public const string TwoFactorSetUp = "/account/two-factor";

    /// <summary>The password section of /account, for a password someone else set (issue 18).</summary>
    public const string ChangePassword = "/account#change-password";

    /// <summary>
    /// The return URL if it is a local path (an open redirect would hand the freshly signed-in person to
    /// another site), else the person's home: clinicians their caseload, admins the staff list, patients Today.
    /// Staff who have not set up two-factor sign-in go to the set-up page first.
    /// </summary>
    public static async Task<string> TargetAsync(UserManager<Account> users, Account account, string? returnUrl, IlioCareDbContext db)
    {
        var roles = await users.GetRolesAsync(account);
        var staff = roles.Contains(Roles.Clinician) || roles.Contains(Roles.Admin);
        if (staff && !account.TwoFactorEnabled)
            return TwoFactorSetUp;
        // Issue 18: a password someone else chose (an admin, the operator) is replaced before anything else.
        if (account.PasswordChangeRequired)
            return ChangePassword;
        if (IsLocal(returnUrl))
            return HeaderSafe(returnUrl!);
        // A new patient (sign-up no longer signs in, issue 18) goes on to set up the program.
        if (roles.Contains(Roles.Patient) && await db.PatientProfiles.AnyAsync(p => p.AccountId == account.Id && p.OnboardedAtUtc == null))
            return "/onboarding";
        return roles.Contains(Roles.Clinician) ? "/clinician" : roles.Contains(Roles.Admin) ? "/admin/clinicians" : "/today";
    }

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>
    /// The URL with every character outside printable ASCII percent-encoded (UTF-8): a return URL arrives decoded
    /// (<c>?ReturnUrl=/%C3%A3</c> is "/ã"), and Kestrel refuses a non-ASCII Location header — a correct sign-in
    /// answered 500 (issue 13 finding 6).
    /// </summary>
    internal static string HeaderSafe(string url)
    {
        if (url.All(c => c is > ' ' and < '\x7f')) return url;
        var text = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f) { text.Append((char)rune.Value); continue; }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
