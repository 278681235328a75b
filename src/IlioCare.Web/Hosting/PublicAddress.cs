using IlioCare.Web.Features.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The app's own address for links that leave it — calendar-feed URLs and mail links (issue 13 finding 10): from
/// <c>App:PublicUrl</c> only, never the request's <c>Host</c> header, which any client can forge (a reset mail or a feed
/// address pointing at another site). Without <c>App:PublicUrl</c> (a developer's machine, the tests) it is the first
/// address the server listens on, with a wildcard host read as <c>localhost</c>; still nothing a request can change.
/// Production sets <c>App:PublicUrl</c> (docs/operations.md; a warning is logged on start when it is missing).
/// </summary>
internal sealed partial class PublicAddress(IOptions<MailOptions> mail, IServer server)
{
    private Uri? _fallback;

    /// <summary>The base, ending in a slash.</summary>
    public Uri Base => mail.Value.PublicUrl ?? (_fallback ??= Listening());

    public Uri To(string path) => new(Base, path.TrimStart('/'));

    private Uri Listening()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null) return new Uri("http://localhost/");
        // Kestrel's "http://+:80", "http://*:80", "http://0.0.0.0:80", "http://[::]:80" listen everywhere: name this machine.
        var text = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost/");
    }

    /// <summary>Registers the service, and warns on start in Production when <c>App:PublicUrl</c> is missing.</summary>
    public static void AddPublicAddress(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicAddress>();
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration["App:PublicUrl"]))
            builder.Services.AddHostedService<MissingPublicUrlWarning>();
    }

    private sealed class MissingPublicUrlWarning(ILogger<PublicAddress> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            NoPublicUrl(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "App:PublicUrl is not set: calendar-feed addresses and mail links use the address the server listens on. Set it to the address people open (e.g. https://iliocare.example.org/).")]
    private static partial void NoPublicUrl(ILogger logger);
}
