using IlioCare.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IlioCare.Web.Features.Mail;

/// <summary>Hands one outbox row to the world: an .eml file in pickup mode, or an SMTP server through MailKit.</summary>
internal sealed partial class MailDelivery(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailDelivery> log)
{
    /// <summary>An unanswering server must not hold the sender (or its lease) for long.</summary>
    private static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(30);

    public async Task DeliverAsync(OutboxMail mail, CancellationToken ct)
    {
        var message = Build(mail, options.Value);
        if (options.Value.IsSmtp) await SendAsync(message, options.Value.Smtp, ct);
        else await WriteAsync(message, mail, ct);
    }

    internal static MimeMessage Build(OutboxMail mail, MailOptions o)
    {
        var from = MailboxAddress.Parse(o.From);
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        // One Message-Id per outbox row: if a crash after delivery ever sends a row again, mail software sees the duplicate.
        message.MessageId = $"outbox-{mail.Id}-{mail.CreatedAtUtc:yyyyMMddHHmmss}@{from.Domain}";
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    private static async Task SendAsync(MimeMessage message, SmtpSettings smtp, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task WriteAsync(MimeMessage message, OutboxMail mail, CancellationToken ct)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{mail.CreatedAtUtc:yyyyMMdd-HHmmss}-{mail.Id}.eml");
        // Written beside, then moved: whoever watches the folder never reads half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, path, overwrite: true);
        LogWritten(mail.Id, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {OutboxId} written to {MailFile}")]
    private partial void LogWritten(long outboxId, string mailFile);
}
