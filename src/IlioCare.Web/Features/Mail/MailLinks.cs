using IlioCare.Web.Hosting;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// The links in mails: <c>App:PublicUrl</c> + path + <c>?token=…</c> (<see cref="PublicAddress"/>: never the request's
/// Host header, issue 13 finding 10; the validator insists on <c>App:PublicUrl</c> for smtp).
/// </summary>
internal sealed class MailLinks(PublicAddress address)
{
    public string To(string path, string token) =>
        address.To(path.TrimStart('/') + "?token=" + Uri.EscapeDataString(token)).ToString();

    public string To(string path) => address.To(path).ToString();
}
