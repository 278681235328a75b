using IlioCare.Data;
using Microsoft.AspNetCore.Localization;

namespace IlioCare.Web.Features.Language;

/// <summary>
/// Between the culture cookie and Accept-Language (issue 16): a signed-in person whose browser has no culture cookie
/// (it was cleared, or the session began before languages were kept) reads the pages in their account's language
/// rather than the browser's. A script's access token is left to its Accept-Language (<see cref="LanguageChoice.SessionAccountId"/>).
/// </summary>
internal sealed class AccountLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (LanguageChoice.SessionAccountId(httpContext.User) is not { } id) return null;
        var db = httpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
        return await LanguageChoice.SavedAsync(db, id, httpContext.RequestAborted) is { } language
            ? new ProviderCultureResult(language)
            : null;
    }
}
