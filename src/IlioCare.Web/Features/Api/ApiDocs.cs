using System.Security.Cryptography;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace IlioCare.Web.Features.Api;

/// <summary>
/// The REST API's description (F16): an OpenAPI document at <c>/openapi/v1.json</c> listing only the
/// <c>/api/v1</c> endpoints (pages and form posts are not an API), and the Scalar UI at <c>/api/docs</c>,
/// served from the app itself — its script is embedded in the package, no CDN, no outside fonts.
/// </summary>
internal static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "/api/docs";

    public static void AddIlioCareApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "IlioCare API",
                    Version = "v1",
                    Description = "Everything the patient pages do, as JSON. Sign in with the browser's cookie, or send a personal "
                        + "access token (made at /account/tokens) as `Authorization: Bearer ilc_…`. Errors are RFC 7807 problem details; "
                        + "a 400 names every bad field by its JSON path.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Policies.AccessTokenScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token: ilc_ followed by 43 characters.",
                };
                return Task.CompletedTask;
            });
        });
    }

    public static IEndpointRouteBuilder MapIlioCareApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(UiPath, (options, context) =>
            {
                options.WithTitle("IlioCare API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .DisableDefaultFonts() // the fonts would come from Scalar's CDN
                    .WithNonce(Nonce(context));
                options.AddPreferredSecuritySchemes(Policies.AccessTokenScheme);
            })
            .AllowAnonymous()
            .AddEndpointFilter(async (invocation, next) =>
            {
                invocation.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(invocation.HttpContext));
                return await next(invocation);
            });
        return app;
    }

    /// <summary>
    /// Scalar's page runs one inline configuration script (allowed by its nonce) and styles its components at
    /// run time, so this route alone allows inline styles; everything still comes from this origin only
    /// (RECIPES.md: the API UI gets its own route-scoped policy, the pages keep the strict one).
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    private static string Nonce(HttpContext context)
    {
        const string key = "iliocare.csp-nonce";
        if (context.Items[key] is string nonce) return nonce;
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing to escape in HTML
        context.Items[key] = nonce;
        return nonce;
    }
}
