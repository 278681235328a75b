using System.Security.Claims;
using IlioCare.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Sessions;

/// <summary>
/// How long a sign-in lasts (issue 18): patients 14 days, sliding — a patient who opens the app every few days
/// stays signed in; staff (clinicians, admins) 12 hours from sign-in, not sliding — about one working day on a
/// shared clinic computer, then a fresh password and code.
/// </summary>
internal static class SessionLifetimes
{
    public static readonly TimeSpan Patient = TimeSpan.FromDays(14);
    public static readonly TimeSpan Staff = TimeSpan.FromHours(12);

    public static bool IsStaff(ClaimsPrincipal? user) =>
        user is not null && (user.IsInRole(Roles.Clinician) || user.IsInRole(Roles.Admin));

    /// <summary>Identity's cookie with its tickets in the database (<see cref="SessionStore"/>) and these lifetimes.</summary>
    public static void AddIlioCareSessions(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.SessionStore = new SessionStore();
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = Patient;
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async context =>
            {
                await signingIn(context);
                // AllowRefresh is already false when a staff session is signed in again (RefreshSignInAsync after a
                // password change keeps the ticket's properties): it keeps the expiry of the first sign-in.
                if (IsStaff(context.Principal) && context.Properties.AllowRefresh != false)
                {
                    var issued = context.Properties.IssuedUtc ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    context.Properties.ExpiresUtc = issued + Staff;
                    context.Properties.AllowRefresh = false;
                }
            };
            // The security stamp validator renews the ticket when it rebuilds the principal (every 30 minutes), and a
            // renewal normally slides the expiry; for a staff ticket it must keep the expiry of the sign-in.
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                if (context.ShouldRenew && context.Properties.AllowRefresh == false)
                    context.Properties.IssuedUtc = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            };
        });

        // Every request checks the stamp in the session store already; the validator's 30-minute round still
        // rebuilds the principal from the database, so a changed role reaches a long-lived patient session.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(30));
    }
}
