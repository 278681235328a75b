using System.Text;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace IlioCare.Web.Features.TwoFactor;

/// <summary>The authenticator key as people and apps read it, and the recovery-code sign-in (F15).</summary>
internal static class TwoFactorCodes
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "IlioCare";

    /// <summary>"ABCD EFGH IJKL …": easier to type from the screen into an app.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The Key Uri Format of Google Authenticator, read by every authenticator app.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>
    /// The QR code as SVG markup, drawn on the server (RECIPES.md: no script; the CSP forbids inline styles,
    /// and QRCoder's SVG uses attributes only).
    /// </summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>
    /// A recovery code is single use (Identity removes it when redeemed). A wrong one counts toward lockout
    /// like a wrong authenticator code, so recovery codes cannot be guessed faster than codes.
    /// </summary>
    public static async Task<SignInResult> RecoveryCodeSignInAsync(SignInManager<Account> signIn, UserManager<Account> users, Account account, string code)
    {
        if (await users.IsLockedOutAsync(account))
            return SignInResult.LockedOut;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded || result.IsLockedOut)
            return result;
        var fresh = await users.FindByIdAsync(account.Id) ?? account;
        await users.AccessFailedAsync(fresh);
        return await users.IsLockedOutAsync(fresh) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
