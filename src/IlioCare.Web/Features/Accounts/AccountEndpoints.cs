using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Interop;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Accounts;

/// <summary>The account actions that are not pages: sign out (a post) and the data export (a download).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        // The IFormCollection parameter makes the endpoint read a form, and so validate its antiforgery token.
        account.MapPost("/sign-out", async (IFormCollection form, SignInManager<Account> signIn, HttpResponse response) =>
        {
            await signIn.SignOutAsync();
            // Issue 14: the pages and queued answers kept on this phone for offline use go with the sign-out — also
            // when the service worker did not see the post. "storage" = Cache Storage, IndexedDB, local storage and
            // the service worker itself (it registers again on the next page).
            response.Headers["Clear-Site-Data"] = "\"storage\"";
            return TypedResults.LocalRedirect("/");
        });
        account.MapGet("/export", ExportAsync).RequireAuthorization();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // The id comes from the auth cookie, never from the request: one patient cannot ask for another's data.
        var accountId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (accountId is null || await AccountExport.BuildAsync(db, accountId, clock, ct) is not { } export)
            return TypedResults.NotFound();
        var bytes = System.Text.Encoding.UTF8.GetBytes(export.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return TypedResults.File(bytes, "application/json", "iliocare-my-data.json");
    }
}
