using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Mail;

/// <summary>The outbox's sender and its settings (issue 18).</summary>
internal static class MailSetup
{
    public static void AddIlioCareMail(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Configure(o =>
            {
                var url = configuration["App:PublicUrl"];
                if (string.IsNullOrWhiteSpace(url)) return;
                // Kept even when not absolute, so the validator can name it rather than drop it silently.
                o.PublicUrl = Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.RelativeOrAbsolute, out var parsed) ? parsed : new Uri("bad:" + Uri.EscapeDataString(url));
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddSingleton<MailDelivery>();
        builder.Services.AddHttpContextAccessor();
        IlioCare.Web.Hosting.PublicAddress.AddPublicAddress(builder);
        builder.Services.AddScoped<MailLinks>();
        builder.Services.AddHostedService<MailSender>();
        builder.Services.AddScoped<Accounts.AccountFlows>();
    }
}
