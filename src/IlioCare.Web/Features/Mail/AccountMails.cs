using System.Text.Encodings.Web;
using IlioCare.Web.Features.Language;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// The words of every account mail (issue 18): plain, short, and never about health — no pain, no warning signs,
/// no program. Each link is one the person asked for; the HTML is the text with the link made clickable.
/// Each mail is written in its reader's language (issue 16, <c>Account.Language</c>), whatever the language of
/// the request that sent it.
/// </summary>
internal sealed class AccountMails(IStringLocalizer<AccountMails> L)
{
    public MailDraft VerifyAddress(string? language, string to, string name, string link)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Confirm your e-mail address for IlioCare"], L["Hello {0},", name],
            [L["Please confirm that this is your e-mail address by opening this link:"].Value, Link(link),
             L["The link works for 3 days. If you did not create an IlioCare account, you can ignore this mail."].Value]);
    }

    public MailDraft SomeoneTriedToSignUp(string? language, string to, string resetLink)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Someone tried to sign up to IlioCare with your address"], L["Hello,"],
            [L["Someone tried to create an IlioCare account with this e-mail address. You already have an account, so nothing was changed."].Value,
             L["If it was you and you forgot your password, you can choose a new one here:"].Value, Link(resetLink),
             L["If it was not you, you can ignore this mail."].Value]);
    }

    public MailDraft ResetPassword(string? language, string to, string link)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Choose a new IlioCare password"], L["Hello,"],
            [L["Someone asked to reset the password of your IlioCare account. To choose a new password, open this link:"].Value, Link(link),
             L["The link works for 1 hour and only once. If you did not ask, you can ignore this mail: your password stays the same."].Value]);
    }

    public MailDraft NewStaffPassword(string? language, string to, string name, string link)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Choose your IlioCare password"], L["Hello {0},", name],
            [L["An IlioCare administrator sent you this link to choose your password:"].Value, Link(link),
             L["The link works for 1 hour and only once. Ask your administrator for a new one if it has run out."].Value]);
    }

    public MailDraft ConfirmNewAddress(string? language, string to, string name, string link)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Confirm your new e-mail address for IlioCare"], L["Hello {0},", name],
            [L["You asked to use this address for your IlioCare account. Open this link to confirm it:"].Value, Link(link),
             L["Until you do, IlioCare keeps using your old address. If you did not ask, you can ignore this mail."].Value]);
    }

    public MailDraft AddressChangeRequested(string? language, string to, string name)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Your IlioCare e-mail address is being changed"], L["Hello {0},", name],
            [L["Someone signed in to your IlioCare account asked to use a different e-mail address. The change happens only when the new address is confirmed."].Value,
             L["If this was not you, sign in and change your password now, or ask for a new one with \"Forgot your password?\" on the sign-in page."].Value]);
    }

    public MailDraft PasswordChanged(string? language, string to, string name)
    {
        using var _ = LanguageScope.Use(language);
        return Draft(to, L["Your IlioCare password was changed"], L["Hello {0},", name],
            [L["The password of your IlioCare account was just changed, and every other device was signed out."].Value,
             L["If this was not you, ask for a new password with \"Forgot your password?\" on the sign-in page."].Value]);
    }

    /// <summary>A paragraph that is a link.</summary>
    internal sealed record LinkLine(string Url);

    internal static LinkLine Link(string url) => new(url);

    /// <summary>
    /// Also used by the reminder and alert mails (issue 14), so every mail looks and reads alike. Call it inside the
    /// reader's <see cref="LanguageScope"/>: the sign-off is in their language too.
    /// </summary>
    internal MailDraft Draft(string to, string subject, string greeting, object[] paragraphs)
    {
        string team = L["The IlioCare team"];
        var text = string.Join("\n\n", [greeting, .. paragraphs.Select(p => p is LinkLine l ? l.Url : (string)p), team]) + "\n";
        var html = HtmlEncoder.Default;
        var body = string.Concat(paragraphs.Select(p => p is LinkLine l
            ? $"<p><a href=\"{html.Encode(l.Url)}\">{html.Encode(l.Url)}</a></p>"
            : $"<p>{html.Encode((string)p)}</p>"));
        var lang = html.Encode(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        return new MailDraft(to, subject, text,
            $"<!DOCTYPE html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;line-height:1.5\"><p>{html.Encode(greeting)}</p>{body}<p>{html.Encode(team)}</p></body></html>");
    }
}
