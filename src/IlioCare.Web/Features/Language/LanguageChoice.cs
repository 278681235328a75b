using System.Globalization;
using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Language;

/// <summary>
/// A person's language (issue 16), kept in two places: the culture cookie of this browser (read first on every
/// request) and <see cref="Account.Language"/> (so a sign-in on another phone, the mails and the push messages use it).
/// </summary>
internal static class LanguageChoice
{
    /// <summary>The form field and problem-details key of a chosen language.</summary>
    public const string Field = "language";

    /// <summary>"en" or "es" exactly as offered; anything else (including "es-MX" or "ES") is not a choice the pages made.</summary>
    public static string? Parse(string? posted) =>
        posted is not null && Localization.Languages.Contains(posted) ? posted : null;

    /// <summary>The language the current page is shown in: what sign-up stores for a new account.</summary>
    public static string Current => Localization.Known(CultureInfo.CurrentUICulture.Name) ?? Localization.English;

    /// <summary>
    /// The signed-in account behind a browser's own session; null for a script's access token (the API's texts follow
    /// its Accept-Language, issue 16) and for people who are signed out.
    /// </summary>
    public static string? SessionAccountId(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme) is { } identity
            ? identity.FindFirst(ClaimTypes.NameIdentifier)?.Value
            : null;

    /// <summary>Writes the culture cookie: a year, this site only, not readable by scripts.</summary>
    public static void RememberInBrowser(HttpContext context, string language) =>
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                HttpOnly = true,
                IsEssential = true, // the person asked for it: it is their choice, not tracking
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });

    /// <summary>The choice made in the footer or on /account: this browser, and the account when one is signed in.</summary>
    public static async Task SaveAsync(HttpContext context, string language, CancellationToken ct)
    {
        RememberInBrowser(context, language);
        if (SessionAccountId(context.User) is not { } id) return;
        var db = context.RequestServices.GetRequiredService<IlioCareDbContext>();
        // A conditional UPDATE of this one column: Identity's UpdateAsync of an account loaded earlier by another
        // request cannot write an old language back (the column is not among the ones it updates, AccountConfiguration).
        await db.InTransactionAsync(token => db.Users.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, language), token), ct);
    }

    /// <summary>The saved language of an account, or null when it has none (accounts from before issue 16).</summary>
    public static async Task<string?> SavedAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        Localization.Known(await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Language).FirstOrDefaultAsync(ct));
}
