using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.Accounts;
using IlioCare.Web.Features.Sessions;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>
/// <c>POST /api/v1/auth/token</c> (issue 18): what a mobile app calls instead of the sign-in page. E-mail and
/// password (and the authenticator code for staff, and for anyone who turned two-factor on) give a bearer token
/// that lives as long as a session would (patients 14 days, staff 12 hours), may read and write but not make
/// tokens, and ends with the sessions (a new password, sign out everywhere). Lockout and the sign-in rate limit
/// apply; every refusal is the same 401, so it never tells which part was wrong or whether the address has an account.
/// </summary>
internal static class TokenSignInEndpoint
{
    private sealed record Credentials(string Email, string Password, string? TotpCode);

    private const string Refused = "Those sign-in details did not work. Check the e-mail address, the password and, for staff "
        + "or an account with two-factor sign-in, the 6-digit code from the authenticator app. After 5 wrong tries an account "
        + "is locked for 15 minutes.";

    public static IEndpointRouteBuilder MapTokenSignInEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/auth").WithTags("Sign-in")
            .MapPost("/token", SignInAsync)
            .AllowAnonymous()
            .DisableAntiforgery() // JSON only (415 otherwise): a cross-site form cannot send it
            .RequireRateLimiting(AccountSetup.AuthPolicy);
        return app;
    }

    internal static async Task<IResult> SignInAsync(HttpRequest request, UserManager<Account> users, SignInManager<Account> signIn,
        IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        NoCompression.For(request.HttpContext); // the answer carries the new token (H27)
        var body = await JsonBody.ReadAsync(request, Read, ct);
        if (body.Problem is not null) return body.Problem;
        var (email, password, code) = body.Value!;

        // Every refusal takes as long, known address or not (issue 13 finding 10, SignInTiming).
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (await users.FindByEmailAsync(email.Trim()) is not { } account)
        {
            SignInTiming.VerifyDummy(users.PasswordHasher, password);
            await SignInTiming.FloorAsync(started, ct);
            return Refuse();
        }
        // lockoutOnFailure: a wrong password counts toward the 5 that lock the account (AccountSetup), and a locked
        // account is refused even with the right password.
        var checkedPassword = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (!checkedPassword.Succeeded)
        {
            await SignInTiming.FloorAsync(started, ct);
            return Refuse();
        }

        var staff = await users.IsInRoleAsync(account, Roles.Clinician) || await users.IsInRoleAsync(account, Roles.Admin);
        if (staff || account.TwoFactorEnabled)
        {
            // Staff who have not set up two-factor do it on the web first (F15); a missing code is not counted as a
            // wrong one (the app may simply not have asked yet), a wrong code is.
            if (!account.TwoFactorEnabled || string.IsNullOrWhiteSpace(code))
                return Refuse();
            var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            {
                await users.AccessFailedAsync(account);
                return Refuse();
            }
            await users.ResetAccessFailedCountAsync(account);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = staff ? SessionLifetimes.Staff : SessionLifetimes.Patient;
        var device = DeviceName.From(request.Headers.UserAgent.ToString());
        var created = await AccessTokenHandler.CreateAsync(db, account.Id, $"Signed in: {device}", now, now + lifetime,
            TokenScopes.SignIn, account.SecurityStamp ?? "", ct);
        return TypedResults.Ok(new
        {
            token = created.Token,
            tokenType = "Bearer",
            expiresAtUtc = created.Summary.ExpiresAtUtc,
            scopes = TokenScopes.SignIn.Split(' '),
        });
    }

    /// <summary><c>{"email": "…", "password": "…", "totpCode": "123456"}</c>, strictly (SPEC §2); the code is optional.</summary>
    private static Credentials? Read(ObjectReader o)
    {
        var email = o.RequiredString("email", 256);
        var password = o.RequiredString("password", 1000);
        var code = o.OptionalString("totpCode", 20);
        if (email is { Length: 0 }) o.Error("email", "must not be empty");
        if (password is { Length: 0 }) o.Error("password", "must not be empty");
        return email is { Length: > 0 } && password is { Length: > 0 } ? new(email, password, code) : null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refuse() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: Refused);
}
