namespace IlioCare.Web.Features.Reminders.Push;

/// <summary>
/// <c>Push:*</c> (issue 14). The server posts to whatever endpoint a browser handed it, so the endpoint is a way in to
/// the server's own network (SSRF): only https addresses of the known push services are accepted (H201).
/// </summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>The push services of Chrome/Edge/Android (FCM), Firefox (Mozilla autopush), Safari (Apple) and Windows (WNS).</summary>
    public static readonly string[] KnownPushServices =
        ["fcm.googleapis.com", "android.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"];

    /// <summary>Hosts (and their subdomains) a subscription may point at; empty means <see cref="KnownPushServices"/>.</summary>
    public string[] EndpointHosts { get; set; } = [];

    /// <summary>Only for a test's loopback push service: accept http endpoints. Never in production.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// The VAPID "sub" claim (RFC 8292 §2.1): how a push service reaches the operator. Default: App:PublicUrl when it is
    /// https, else mailto: the Mail:From address.
    /// </summary>
    public string? Subject { get; set; }

    public bool Allows(string? endpoint)
    {
        if (endpoint is null || endpoint.Length > 1000 || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && !(AllowHttp && uri.Scheme == Uri.UriSchemeHttp)) return false;
        if (!string.IsNullOrEmpty(uri.UserInfo)) return false;
        var hosts = EndpointHosts.Length > 0 ? EndpointHosts : KnownPushServices;
        return hosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
    }
}
