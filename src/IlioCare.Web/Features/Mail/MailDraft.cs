using IlioCare.Data;

namespace IlioCare.Web.Features.Mail;

/// <summary>A mail to queue: plain text and simple HTML with the same words, never health data (issue 18).</summary>
internal sealed record MailDraft(string To, string Subject, string Text, string Html);

/// <summary>Queues mails in the outbox table, inside the caller's transaction; the caller wakes the sender after commit.</summary>
internal static class Outbox
{
    public static void Add(IlioCareDbContext db, MailDraft draft, DateTime nowUtc) => db.OutboxMails.Add(new OutboxMail
    {
        To = draft.To, Subject = draft.Subject, TextBody = draft.Text, HtmlBody = draft.Html,
        CreatedAtUtc = nowUtc, NextAttemptAtUtc = nowUtc,
    });
}
