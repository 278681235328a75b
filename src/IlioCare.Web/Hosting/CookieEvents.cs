using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The cookie's answers when a request is not allowed (F15, F16): pages redirect (sign in, or the access-denied
/// page that sends staff without a second factor to set one up); API paths get 401/403 problem details, since a
/// script cannot follow a redirect to an HTML sign-in form.
/// </summary>
internal static class CookieEvents
{
    public const string AccessDeniedPath = "/access-denied";

    public static void AddIlioCareCookieEvents(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.AccessDeniedPath = AccessDeniedPath;
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? ProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first, or send a personal access token.")
                : toLogin(context);
            // On a sign-in at /sign-in?ReturnUrl=…, the cookie handler itself sets Location to the decoded return URL,
            // and Kestrel refuses non-ASCII there (issue 13 finding 6: "/%C3%A3" broke a correct sign-in). The page
            // then sends its own, checked target (SignInLanding); this one is only made header-safe.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Headers.Location = IlioCare.Web.Features.Accounts.SignInLanding.HeaderSafe(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? ProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This account may not do this.")
                : toDenied(context);
        });

        // The security stamp check (every 30 minutes) rebuilds the principal from the database and would drop
        // the amr=mfa claim of a two-factor sign-in: staff would be thrown out of their pages mid-session.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.HasClaim("amr", "mfa") == true && context.NewPrincipal?.Identity is ClaimsIdentity identity
                && !identity.HasClaim("amr", "mfa"))
                identity.AddClaim(new Claim("amr", "mfa"));
            return Task.CompletedTask;
        });
    }

    private static bool IsApi(HttpRequest request) => request.PathBase.Add(request.Path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    // TryWriteAsync, not WriteAsync: a script asking for text/html or application/xml has no problem-details
    // writer, and WriteAsync threw (a 500 for an odd Accept header, issue 13 finding 6). JSON is written then anyway.
    private static Task ProblemAsync(HttpContext context, int status, string detail) =>
        IlioCare.Web.Features.AccessTokens.ApiProblems.WriteAsync(context, status, status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", detail);
}
