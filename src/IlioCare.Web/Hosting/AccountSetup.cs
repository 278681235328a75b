using System.Threading.RateLimiting;
using IlioCare.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using IlioCare.Web.Features.Sessions;
using IlioCare.Web.Features.AccessTokens;

namespace IlioCare.Web.Hosting;

/// <summary>Identity, cookies, shared data protection keys and the sign-in/sign-up rate limit (SPEC F15, §8).</summary>
internal static class AccountSetup
{
    /// <summary>The rate-limit policy on the sign-in and sign-up pages.</summary>
    public const string AuthPolicy = "auth";

    /// <summary>OWASP: at least 8 characters, no composition rules (AccountRules, shared with the CLI).</summary>
    public const int MinPasswordLength = AccountRules.MinPasswordLength;

    public static void AddIlioCareAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<Account, Microsoft.AspNetCore.Identity.IdentityRole>(o =>
            {
                AccountRules.Apply(o); // password and e-mail rules, shared with `iliocare create-clinician`
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Issue 18: address confirmations last 3 days; password resets keep the default provider, at 1 hour.
                o.Tokens.EmailConfirmationTokenProvider = Features.Accounts.EmailLinkTokenProvider.ProviderName;
                o.Tokens.ChangeEmailTokenProvider = Features.Accounts.EmailLinkTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<IlioCareDbContext>()
            .AddUserStore<ProtectedTokenUserStore>() // authenticator keys and recovery codes encrypted at rest (H63)
            .AddDefaultTokenProviders()
            // Each authenticator code signs in once (issue 13 finding 3): replaces Identity's own "Authenticator".
            .AddTokenProvider<IlioCare.Web.Features.TwoFactor.ReplayProofAuthenticator>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<Features.Accounts.EmailLinkTokenProvider>(Features.Accounts.EmailLinkTokenProvider.ProviderName);
        // A reset link works for 1 hour, and once: resetting changes the security stamp the token is tied to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));

        services.AddScoped<Features.TwoFactor.TwoFactorEnrolment>(); // a fresh authenticator key per enrolment (issue 13 finding 2)
        services.AddAuthorization(o => o.AddIlioCarePolicies());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = CookieEvents.AccessDeniedPath;
            o.Cookie.Name = "iliocare";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddIlioCareCookieEvents();
        // When this session's password was typed: tokens need a recent one (issue 13 finding 5).
        services.AddRecentPasswordStamp();
        // Sessions in the database, ended at once; their lifetimes (issue 18, ADR-0009).
        services.AddIlioCareSessions();

        // Keys in the database, one application name: every instance can read every cookie (SPEC §8).
        services.AddDataProtection().SetApplicationName("IlioCare").PersistKeysToDbContext<IlioCareDbContext>();
        // …encrypted with a key the database does not hold (issue 13 finding 1, AtRestKey): a copy of the rows
        // alone cannot forge a cookie.
        services.AddOptions<KeyManagementOptions>().Configure<AtRestKey>((o, key) => o.XmlEncryptor = new KeyRingEncryptor(key));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                // A page like the others, with the emergency number (issue 13 finding 10); scripts get problem details.
                return context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? new ValueTask(IlioCare.Web.Features.AccessTokens.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                        "Too many attempts", "Too many attempts. Wait a minute and try again."))
                    : new ValueTask(PlainPage.TooManyAttemptsAsync(context.HttpContext, token));
            };
            // Writes count, reading is free; per account and address, and per address (AuthRateLimit).
            AuthRateLimit.AddAuthPolicies(o, configuration);
        });
    }
}
