using System.Text.Encodings.Web;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// The words of every account mail (issue 18): plain, short, and never about health — no pain, no warning signs,
/// no program. Each link is one the person asked for; the HTML is the text with the link made clickable.
/// </summary>
internal static class AccountMails
{
    public static MailDraft VerifyAddress(string to, string name, string link) => Draft(to, "Confirm your e-mail address for IlioCare",
        $"Hello {name},",
        ["Please confirm that this is your e-mail address by opening this link:", Link(link),
         "The link works for 3 days. If you did not create an IlioCare account, you can ignore this mail."]);

    public static MailDraft SomeoneTriedToSignUp(string to, string resetLink) => Draft(to, "Someone tried to sign up to IlioCare with your address",
        "Hello,",
        ["Someone tried to create an IlioCare account with this e-mail address. You already have an account, so nothing was changed.",
         "If it was you and you forgot your password, you can choose a new one here:", Link(resetLink),
         "If it was not you, you can ignore this mail."]);

    public static MailDraft ResetPassword(string to, string link) => Draft(to, "Choose a new IlioCare password",
        "Hello,",
        ["Someone asked to reset the password of your IlioCare account. To choose a new password, open this link:", Link(link),
         "The link works for 1 hour and only once. If you did not ask, you can ignore this mail: your password stays the same."]);

    public static MailDraft NewStaffPassword(string to, string name, string link) => Draft(to, "Choose your IlioCare password",
        $"Hello {name},",
        ["An IlioCare administrator sent you this link to choose your password:", Link(link),
         "The link works for 1 hour and only once. Ask your administrator for a new one if it has run out."]);

    public static MailDraft ConfirmNewAddress(string to, string name, string link) => Draft(to, "Confirm your new e-mail address for IlioCare",
        $"Hello {name},",
        ["You asked to use this address for your IlioCare account. Open this link to confirm it:", Link(link),
         "Until you do, IlioCare keeps using your old address. If you did not ask, you can ignore this mail."]);

    public static MailDraft AddressChangeRequested(string to, string name) => Draft(to, "Your IlioCare e-mail address is being changed",
        $"Hello {name},",
        ["Someone signed in to your IlioCare account asked to use a different e-mail address. The change happens only when the new address is confirmed.",
         "If this was not you, sign in and change your password now, or ask for a new one with \"Forgot your password?\" on the sign-in page."]);

    public static MailDraft PasswordChanged(string to, string name) => Draft(to, "Your IlioCare password was changed",
        $"Hello {name},",
        ["The password of your IlioCare account was just changed, and every other device was signed out.",
         "If this was not you, ask for a new password with \"Forgot your password?\" on the sign-in page."]);

    /// <summary>A paragraph that is a link.</summary>
    internal sealed record LinkLine(string Url);

    internal static LinkLine Link(string url) => new(url);

    /// <summary>Also used by the reminder and alert mails (issue 14), so every mail looks and reads alike.</summary>
    internal static MailDraft Draft(string to, string subject, string greeting, object[] paragraphs)
    {
        var text = string.Join("\n\n", [greeting, .. paragraphs.Select(p => p is LinkLine l ? l.Url : (string)p), "The IlioCare team"]) + "\n";
        var html = HtmlEncoder.Default;
        var body = string.Concat(paragraphs.Select(p => p is LinkLine l
            ? $"<p><a href=\"{html.Encode(l.Url)}\">{html.Encode(l.Url)}</a></p>"
            : $"<p>{html.Encode((string)p)}</p>"));
        return new MailDraft(to, subject, text,
            $"<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>{html.Encode(greeting)}</p>{body}<p>The IlioCare team</p></body></html>");
    }
}
