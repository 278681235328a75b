using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>
/// "A recent password" (issue 13 finding 5): only a cookie session whose password was typed in the last
/// <see cref="Window"/> makes a token without typing it again. The sign-in stamps the time into the session's ticket
/// (<see cref="Claim"/>); a later sign-in of the same browser without a password (two-factor turned on, the session
/// refreshed after a password change) keeps the first time, so the clock is never wound forward without a password.
/// Anything older, or no stamp at all, asks for the password on the token form (checked with the lock-out).
/// </summary>
internal static class RecentPassword
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Unix seconds of the last password sign-in of this session.</summary>
    public const string Claim = "iliocare:password-at";

    public static bool IsRecent(ClaimsPrincipal user, DateTimeOffset now) =>
        user.FindFirstValue(Claim) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) is var age && age >= TimeSpan.Zero && age <= Window;

    public static void AddRecentPasswordStamp(this IServiceCollection services) => services.ConfigureApplicationCookie(o =>
    {
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            if (context.Principal?.Identity is not ClaimsIdentity identity) return;
            foreach (var old in identity.FindAll(Claim).ToList()) identity.RemoveClaim(old);
            var ids = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            var before = context.HttpContext.User;
            var sameAccount = before.FindFirstValue(ids.UserIdClaimType) is { } id && id == context.Principal.FindFirstValue(ids.UserIdClaimType);
            var stamp = sameAccount && before.FindFirstValue(Claim) is { } kept
                ? kept
                : context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            identity.AddClaim(new System.Security.Claims.Claim(Claim, stamp));
        };
    });
}
