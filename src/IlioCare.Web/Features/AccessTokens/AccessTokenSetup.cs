using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>
/// One default scheme that picks per request (F16): a <c>Bearer</c> header → personal access tokens, otherwise
/// Identity's cookie. A token request that is refused gets a 401/403 problem from this scheme; the cookie's own
/// answers on API paths are Hosting/CookieEvents.cs's.
/// Call after <c>AddIlioCareAccounts</c> (Identity sets its own defaults, which this replaces).
/// </summary>
internal static class AccessTokenSetup
{
    public const string SelectorScheme = "IlioCare";

    public static void AddIlioCareAccessTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or access token", o => o.ForwardDefaultSelector = context =>
                AccessTokenAuthentication.BearerToken(context.Request) is not null ? Policies.AccessTokenScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(Policies.AccessTokenScheme, null);
    }
}
