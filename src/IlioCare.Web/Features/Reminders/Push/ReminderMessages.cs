using IlioCare.Web.Features.Mail;

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
/// phase, no name — only that there is something to do and where (H202).
/// </summary>
internal static class ReminderMessages
{
    public const string Title = "IlioCare";
    public const string SessionBody = "Time for today's session. Open IlioCare to start.";
    public const string NudgeBody = "We missed you yesterday. A short check-in today keeps your program on track.";
    public const string AlertBody = "A patient of yours needs attention.";

    /// <summary>A reminder delivered hours late is no reminder: the push service may drop it after this.</summary>
    private static readonly TimeSpan ReminderLifetime = TimeSpan.FromHours(3);
    /// <summary>An alert stays worth delivering for a day (a phone that was off all night).</summary>
    private static readonly TimeSpan AlertLifetime = TimeSpan.FromHours(24);

    public static PushText Push(string kind, string path) => kind switch
    {
        ReminderKind.SessionReminder => new(Title, SessionBody, path, "session", ReminderLifetime),
        ReminderKind.CheckInNudge => new(Title, NudgeBody, path, "check-in", ReminderLifetime),
        _ => new(Title, AlertBody, path, "alert", AlertLifetime),
    };

    public static MailDraft Mail(string kind, string to, string name, string link, string settingsLink) => kind switch
    {
        ReminderKind.SessionReminder => AccountMails.Draft(to, "Your IlioCare session today", $"Hello {name},",
            [SessionBody, AccountMails.Link(link), "You get this mail because you asked for reminders by e-mail. To stop them, untick the box on this page:", AccountMails.Link(settingsLink)]),
        ReminderKind.CheckInNudge => AccountMails.Draft(to, "A short check-in today", $"Hello {name},",
            [NudgeBody, AccountMails.Link(link), "You get this mail because you asked for reminders by e-mail. To stop them, untick the box on this page:", AccountMails.Link(settingsLink)]),
        _ => AccountMails.Draft(to, "A patient of yours needs attention", $"Hello {name},",
            [AlertBody + " Sign in to see who and why:", AccountMails.Link(link),
             "You get this mail because you asked for alerts by e-mail. To stop them, untick the box on this page:", AccountMails.Link(settingsLink)]),
    };
}
