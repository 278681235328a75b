using Microsoft.AspNetCore.Http.Features;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Responses that carry a secret (an authenticator key, a new access token, an invite code, a calendar feed
/// address) are sent uncompressed: compression next to reflected input leaks secrets byte by byte (BREACH,
/// hazard H27). Everything else stays compressed for the page budget.
/// </summary>
internal static class NoCompression
{
    public static void For(HttpContext context)
    {
        if (context.Features.Get<IHttpsCompressionFeature>() is { } compression)
            compression.Mode = HttpsCompressionMode.DoNotCompress;
    }
}
