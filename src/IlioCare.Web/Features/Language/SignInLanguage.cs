using System.Security.Claims;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Language;

/// <summary>
/// Every sign-in of a browser (password, second factor, a session renewed after a password change) sets the culture
/// cookie from the account's saved language (issue 16): a second phone starts in the language chosen on the first.
/// </summary>
internal static class SignInLanguage
{
    public static void AddSignInLanguage(this IServiceCollection services) => services.ConfigureApplicationCookie(o =>
    {
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            var ids = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            if (context.Principal?.FindFirstValue(ids.UserIdClaimType) is not { } id) return;
            var db = context.HttpContext.RequestServices.GetRequiredService<IlioCareDbContext>();
            if (await LanguageChoice.SavedAsync(db, id, context.HttpContext.RequestAborted) is { } language)
                LanguageChoice.RememberInBrowser(context.HttpContext, language);
        };
    });
}
