using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The sign-in limit (<see cref="AccountSetup.AuthPolicy"/>) keyed per account as well as per IP (issue 13 finding 10):
/// a clinic's staff share one public address on its Wi-Fi, and one person's mistyped passwords must not lock the
/// rest of them out. Each write (POST, DELETE…) to a limited page or endpoint counts twice:
/// <list type="bullet">
/// <item>per address and account — <c>RateLimits:AuthPermitsPerMinute</c> (10): the account is the signed-in one, or
/// for a sign-in, sign-up or reset request the e-mail address it names, or the half-signed-in account of the
/// two-factor step; a request naming none counts under its address alone;</item>
/// <item>per address — <c>RateLimits:AuthPermitsPerMinutePerAddress</c> (10 × the first): one address trying many
/// accounts (password spraying) still meets a ceiling.</item>
/// </list>
/// The pair (address, account), not the account alone: a stranger elsewhere cannot use up an owner's permits.
/// Reading pages stays free. Counts are per instance (RECIPES.md).
/// </summary>
internal static class AuthRateLimit
{
    private const string SubjectItem = "iliocare.rate-limit-subject";

    /// <summary>JSON bodies larger than this are not searched for an address (they are refused by the endpoint anyway).</summary>
    private const int MaxJsonBody = 16 * 1024;

    public static void AddAuthPolicies(RateLimiterOptions o, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:AuthPermitsPerMinute", 10);
        var perAddress = configuration.GetValue("RateLimits:AuthPermitsPerMinutePerAddress", permits * 10);
        o.AddPolicy(AccountSetup.AuthPolicy, context => Counts(context)
            ? RateLimitPartition.GetFixedWindowLimiter($"{Address(context)}|{context.Items[SubjectItem] as string}", _ => Window(permits))
            : RateLimitPartition.GetNoLimiter(""));
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Counts(context) && IsLimited(context)
            ? RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => Window(perAddress))
            : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>Before <c>UseRateLimiter</c>: finds whose account a limited write is about.</summary>
    public static IApplicationBuilder UseAuthRateLimitSubjects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Counts(context) && IsLimited(context))
            context.Items[SubjectItem] = await SubjectAsync(context);
        await next(context);
    });

    private static bool Counts(HttpContext context) => !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);

    private static bool IsLimited(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<EnableRateLimitingAttribute>()
            .Any(a => a.PolicyName == AccountSetup.AuthPolicy) == true;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static async Task<string> SubjectAsync(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } signedIn)
            return "account:" + signedIn;
        if (await EmailAsync(context.Request) is { Length: > 0 } email)
            return "address:" + email.Trim().ToUpperInvariant();
        // Between the password and the code: Identity's two-factor cookie names the account.
        var halfway = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return halfway.Principal?.FindFirstValue(ClaimTypes.Name) is { } pending ? "account:" + pending : "";
    }

    /// <summary>The e-mail address a form (<c>Form.Email</c>) or a JSON body (<c>email</c>) names; null when none.</summary>
    private static async Task<string?> EmailAsync(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form.FirstOrDefault(f => f.Key.EndsWith("Email", StringComparison.OrdinalIgnoreCase)).Value.ToString();
            }
            if (request.HasJsonContentType() && request.ContentLength is > 0 and <= MaxJsonBody)
            {
                request.EnableBuffering();
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                request.Body.Position = 0;
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("email", out var email)
                    && email.ValueKind == JsonValueKind.String ? email.GetString() : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body that cannot be read here is the endpoint's to refuse (400/415); it counts under its address alone.
            if (request.Body.CanSeek) request.Body.Position = 0;
        }
        return null;
    }
}
