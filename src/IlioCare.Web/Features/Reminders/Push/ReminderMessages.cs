using IlioCare.Web.Features.Language;
using IlioCare.Web.Features.Mail;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Reminders.Push;

/// <summary>The kinds of message the scheduler sends, as stored in <c>ReminderDeliveries.Kind</c>.</summary>
internal static class ReminderKind
{
    public const string SessionReminder = "session-reminder";
    public const string CheckInNudge = "check-in-nudge";
    public const string WarningSignAlert = "warning-sign-alert";
}

/// <summary>What a push message carries: the words on the lock screen and the page a tap opens (push-sw.js reads it).</summary>
internal sealed record PushText(string Title, string Body, string Url, string Topic, TimeSpan TimeToLive);

/// <summary>
/// The words of every reminder and alert (issue 14, issue 15). A lock screen is read by whoever holds the phone and a
/// mail passes through other people's servers, so none of them says anything about health: no pain, no sign, no
/// phase, no name — only that there is something to do and where (H202). Each is written in its reader's language
/// (issue 16): a clinician's alert in the clinician's, whoever's check-in raised it.
/// </summary>
internal sealed class ReminderMessages(IStringLocalizer<ReminderMessages> L, AccountMails mails)
{
    public const string Title = "IlioCare";

    /// <summary>A reminder delivered hours late is no reminder: the push service may drop it after this.</summary>
    private static readonly TimeSpan ReminderLifetime = TimeSpan.FromHours(3);
    /// <summary>An alert stays worth delivering for a day (a phone that was off all night).</summary>
    private static readonly TimeSpan AlertLifetime = TimeSpan.FromHours(24);

    private string SessionBody => L["Time for today's session. Open IlioCare to start."];
    private string NudgeBody => L["We missed you yesterday. A short check-in today keeps your program on track."];
    private string AlertBody => L["A patient of yours needs attention."];

    public PushText Push(string? language, string kind, string path)
    {
        using var _ = LanguageScope.Use(language);
        return kind switch
        {
            ReminderKind.SessionReminder => new(Title, SessionBody, path, "session", ReminderLifetime),
            ReminderKind.CheckInNudge => new(Title, NudgeBody, path, "check-in", ReminderLifetime),
            _ => new(Title, AlertBody, path, "alert", AlertLifetime),
        };
    }

    public MailDraft Mail(string? language, string kind, string to, string name, string link, string settingsLink)
    {
        using var _ = LanguageScope.Use(language);
        string hello = L["Hello {0},", name];
        string remindersFooter = L["You get this mail because you asked for reminders by e-mail. To stop them, untick the box on this page:"];
        return kind switch
        {
            ReminderKind.SessionReminder => mails.Draft(to, L["Your IlioCare session today"], hello,
                [SessionBody, AccountMails.Link(link), remindersFooter, AccountMails.Link(settingsLink)]),
            ReminderKind.CheckInNudge => mails.Draft(to, L["A short check-in today"], hello,
                [NudgeBody, AccountMails.Link(link), remindersFooter, AccountMails.Link(settingsLink)]),
            _ => mails.Draft(to, L["A patient of yours needs attention"], hello,
                [L["A patient of yours needs attention. Sign in to see who and why:"].Value, AccountMails.Link(link),
                 L["You get this mail because you asked for alerts by e-mail. To stop them, untick the box on this page:"].Value, AccountMails.Link(settingsLink)]),
        };
    }
}
