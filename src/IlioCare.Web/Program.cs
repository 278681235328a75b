using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;
using IlioCare.Web.Components;
using IlioCare.Web.Features.AccessTokens;
using IlioCare.Web.Features.Accounts;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.Assessment;
using IlioCare.Web.Features.Clinician;
using IlioCare.Web.Features.CustomExercises;
using IlioCare.Web.Features.CareTeam;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Demo;
using IlioCare.Web.Features.Onboarding;
using IlioCare.Web.Features.Progress;
using IlioCare.Web.Features.Export;
using IlioCare.Web.Features.Language;
using IlioCare.Web.Features.Mail;
using IlioCare.Web.Features.Reminders;
using IlioCare.Web.Features.Sessions;
using IlioCare.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddIlioCareDatabase();
builder.AddIlioCareOperations();
builder.AddIlioCareAudit();
builder.AddIlioCareSecretsAtRest();
builder.Services.AddIlioCareAccounts(builder.Configuration);
builder.AddIlioCareAccessTokens();
builder.AddIlioCareApiDocs();
builder.AddIlioCareMail();
builder.AddIlioCareReminders();
builder.Services.Configure<SafetyOptions>(builder.Configuration.GetSection("Safety"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddIlioCareLocalization(); // English and Spanish (issue 16, Hosting/Localization)
// Pages ≤ 60 KB compressed (issue 3): brotli first, gzip for the rest; SVG drawings are text too.
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
    o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
});
// Static server-side rendering only: no interactive render modes, no blazor.web.js (RECIPES.md: over the JS budget).
builder.Services.AddRazorComponents();
// The antiforgery cookie is Secure over HTTPS like the sign-in cookie (issue 13 finding 10; its default is None).
builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

var app = builder.Build();

await app.MigrateIlioCareDatabaseAsync();
await app.EncryptSecretsAtRestAsync(); // before the key ring is first read: clear keys from before the upgrade
// The audit key is loaded (or its file made) on start, not at the first audited read: docs/operations.md says
// "made on first start", and an operator backs it up before anyone uses the app.
_ = app.Services.GetRequiredService<IlioCare.Data.AuditTrail>();
await app.EnsureAuditHeadAsync(); // the signed checkpoint of the log's head (ADR-0010), from the first start on
// Demo data only on request (issue 3): `--Demo:Seed=true`; never by default.
if (app.Configuration.GetValue<bool>(DemoData.SettingKey))
    await DemoData.SeedAsync(app.Services);

app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme, not the proxy's
app.UseHostGuard(); // a Host header that makes no address is a 400, not a page's 500 (issue 13 fuzz run)
app.UseResponseCompression();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts(); // only ever sent over HTTPS
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Only page views get the friendly page: re-executing a rejected post (bad antiforgery token, 429) as a
// post to /not-found would fail again inside the error path.
app.Use((context, next) =>
{
    if (!HttpMethods.IsGet(context.Request.Method) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        pages.Enabled = false;
    return next(context);
});
app.UseIlioCareStaticFiles(); // after the security headers: files get their own cache lifetime (StaticAssets)
app.UseCrossSiteReadGuard(); // audited reads only from the app's own pages (CrossSiteReads)
app.UseAuthentication();
app.UseRequestLocalization(); // after authentication: an account's saved language can be read (issue 16)
// After authentication: the sign-in limit counts per account as well as per address (AuthRateLimit).
app.UseAuthRateLimitSubjects();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapIlioCareHealth();
app.MapAssessmentEndpoints();
app.MapAccountEndpoints();
app.MapLanguageEndpoints();
app.MapAccountApi();
app.MapExportEndpoints();
app.MapCalendarFeedEndpoints();
app.MapNotificationEndpoints();
app.MapAccessTokenEndpoints();
app.MapTokenSignInEndpoint();
app.MapSessionEndpoints();
app.MapMeEndpoints();
app.MapCheckInEndpoints();
app.MapProgramDayEndpoints();
app.MapProgressEndpoints();
app.MapOnboardingEndpoints();
app.MapIlioCareApiDocs();
app.MapCaseloadEndpoints();
app.MapCaseloadApi();
app.MapCustomExerciseApi();
app.MapCareTeamEndpoints();
app.MapCareTeamApi();
// An unknown API path is a 404 in problem details, not the HTML "not found" page (issue 13 finding 10).
// The API takes only JSON bodies: an endpoint declared with .Accepts(JSON) that routing turned away for another body
// type lands here too (the fallback outranks routing's own 415), so a body that is not JSON is a 415 whatever the path.
app.MapFallback("/api/{**path}", (HttpRequest request) =>
    request.ContentLength > 0 || request.ContentType is not null
        ? (request.HasJsonContentType()
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no such API path; the API is described at /openapi/v1.json.")
            : TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
                detail: "The API takes JSON bodies with Content-Type: application/json."))
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no such API path; the API is described at /openapi/v1.json.")).DisableAntiforgery();
app.MapRazorComponents<App>();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
