using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>
/// One default scheme that picks per request (F16): a <c>Bearer</c> header → personal access tokens, otherwise
/// Identity's cookie. API paths never redirect: not signed in → 401, not allowed → 403, as problem details.
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

        // Wraps whatever the pages set (sign-in and access-denied paths stay theirs): only /api answers with a status.
        builder.Services.ConfigureApplicationCookie(o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                    "Sign in, or send a personal access token as Authorization: Bearer ilc_….")
                : toLogin(context);
            o.Events.OnRedirectToAccessDenied = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "This account may not do this.")
                : toDenied(context);
        });
    }
}
