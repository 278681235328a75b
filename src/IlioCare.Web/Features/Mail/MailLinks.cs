using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// The links in mails: <c>App:PublicUrl</c> + path + <c>?token=…</c>. Without <c>App:PublicUrl</c> (pickup mode only,
/// the validator insists on it for smtp) the base is the address of the request being served.
/// </summary>
internal sealed class MailLinks(IOptions<MailOptions> options, IHttpContextAccessor http)
{
    public string To(string path, string token)
    {
        var baseUrl = options.Value.PublicUrl ?? RequestBase();
        return new Uri(baseUrl, path.TrimStart('/') + "?token=" + Uri.EscapeDataString(token)).ToString();
    }

    public string To(string path) => new Uri(options.Value.PublicUrl ?? RequestBase(), path.TrimStart('/')).ToString();

    private Uri RequestBase()
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("A mail link outside a request needs App:PublicUrl.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
