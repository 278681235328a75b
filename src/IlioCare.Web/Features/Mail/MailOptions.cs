using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// <c>Mail:*</c> and <c>App:PublicUrl</c> (issue 18). <c>pickup</c> (the default) writes each message as an .eml file,
/// so the two-command start needs nothing; <c>smtp</c> sends through a real server and needs <c>App:PublicUrl</c>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public const string Pickup = "pickup";
    public const string SmtpMode = "smtp";

    public string Mode { get; set; } = Pickup;
    public string From { get; set; } = "IlioCare <no-reply@iliocare.local>";
    /// <summary>Where pickup mode writes its files; relative paths are from the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// <c>App:PublicUrl</c>, the base of every link in a mail. In pickup mode it may be left out: links then start
    /// from the address of the request that caused the mail (a developer's own machine). In smtp mode it is required,
    /// so a forged Host header can never put another site's address in a reset link.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    public bool IsSmtp => string.Equals(Mode, SmtpMode, StringComparison.Ordinal);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>none</c> | <c>starttls</c> | <c>tls</c> (TLS from the first byte, usually port 465).</summary>
    public string Security { get; set; } = "starttls";
    public string? User { get; set; }
    public string? Password { get; set; }
}

/// <summary>Checked on start (ValidateOnStart): a wrong mail set-up stops the app with a clear message, not a lost mail later.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions o)
    {
        var errors = new List<string>();
        if (o.Mode is not (MailOptions.Pickup or MailOptions.SmtpMode))
            errors.Add($"Mail:Mode must be 'pickup' or 'smtp', not '{o.Mode}'.");
        if (!MimeKit.MailboxAddress.TryParse(o.From, out _))
            errors.Add($"Mail:From must be an address like 'IlioCare <no-reply@example.org>', not '{o.From}'.");
        if (o.PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            errors.Add($"App:PublicUrl must be an absolute http(s) address like https://iliocare.example.org/, not '{url}'.");
        if (o.IsSmtp)
        {
            if (o.PublicUrl is null)
                errors.Add("App:PublicUrl is required when Mail:Mode is 'smtp': it is the start of every link in a mail (e.g. https://iliocare.example.org/).");
            if (string.IsNullOrWhiteSpace(o.Smtp.Host))
                errors.Add("Mail:Smtp:Host is required when Mail:Mode is 'smtp'.");
            if (o.Smtp.Port is < 1 or > 65535)
                errors.Add($"Mail:Smtp:Port must be from 1 to 65535, not {o.Smtp.Port}.");
            if (o.Smtp.Security is not ("none" or "starttls" or "tls"))
                errors.Add($"Mail:Smtp:Security must be 'none', 'starttls' or 'tls', not '{o.Smtp.Security}'.");
            if (!string.IsNullOrEmpty(o.Smtp.User) && o.Smtp.Password is null)
                errors.Add("Mail:Smtp:Password is required when Mail:Smtp:User is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
