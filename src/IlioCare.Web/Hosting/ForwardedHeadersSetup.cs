using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Behind nginx (deploy/nginx/iliocare.conf) the connection comes from the proxy: X-Forwarded-For and
/// X-Forwarded-Proto give the client's address (the rate limiter partitions by it) and scheme (secure
/// cookies, HSTS). Believed only from known proxies — loopback by default, plus
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR) —
/// otherwise any client could pick its own address and escape the sign-in limit.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddIlioCareForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1; // one proxy in front: only its entry (the right-most) is trusted
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }
}
