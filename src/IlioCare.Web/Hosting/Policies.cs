using IlioCare.Data;
using Microsoft.AspNetCore.Authorization;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Who may use the clinician and admin halves of the app (F15): the role, and a second factor — a cookie
/// from a two-factor sign-in (Identity adds the <c>amr</c> = <c>mfa</c> claim) or a personal access token,
/// which only a two-factor-signed-in user can make.
/// </summary>
internal static class Policies
{
    public const string Clinician = "clinician";
    public const string Admin = "admin";

    /// <summary>The authentication scheme and identity type of personal access tokens (F16).</summary>
    public const string AccessTokenScheme = "AccessToken";

    public static void AddIlioCarePolicies(this AuthorizationOptions o)
    {
        o.AddPolicy(Clinician, p => p.RequireRole(Roles.Clinician).RequireAssertion(HasSecondFactor));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin).RequireAssertion(HasSecondFactor));
    }

    public static bool HasSecondFactor(AuthorizationHandlerContext context) =>
        context.User.HasClaim("amr", "mfa") || context.User.Identities.Any(i => i.AuthenticationType == AccessTokenScheme);
}
