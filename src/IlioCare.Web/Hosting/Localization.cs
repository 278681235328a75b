using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The languages the pages, mails and push messages are written in (issue 16), with the framework's own pieces:
/// <c>IStringLocalizer&lt;T&gt;</c> reading <c>Resources/…/T.es.resx</c>, and the request-localization middleware.
/// The English text is the resource key (the framework's convention), so a key without a Spanish entry still reads
/// in English; <c>LocalizationResourceTests</c> makes sure none is missing.
/// </summary>
internal static class Localization
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The languages offered, English first (the fallback when nothing the browser asks for is offered).</summary>
    public static readonly IReadOnlyList<string> Languages = [English, Spanish];

    public static readonly CultureInfo[] Cultures = [.. Languages.Select(CultureInfo.GetCultureInfo)];

    /// <summary>The known language nearest to what was asked for, e.g. "es-MX" → "es"; null for anything else.</summary>
    public static string? Known(string? asked)
    {
        if (string.IsNullOrWhiteSpace(asked)) return null;
        var code = asked.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(code) ? code : null;
    }

    public static void AddIlioCareLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Features.Words.PatientWords>();
        services.AddSingleton<Features.Words.ReasonWords>();
        services.AddSingleton<Features.Library.ExerciseWords>();
        services.AddSingleton<Features.Today.DoseWords>();
        services.AddSingleton<Features.Today.PatientDates>();
        services.AddSingleton<Features.Program.ProgramText>();
        services.AddSingleton<Features.Mail.AccountMails>();
        services.AddSingleton<Features.Reminders.Push.ReminderMessages>();
        Features.Language.SignInLanguage.AddSignInLanguage(services);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(English);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // "es-MX" in Accept-Language finds "es": the parent culture is tried before giving up.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The choice made in the footer or on /account (a cookie, kept per account too), then the signed-in
            // account's saved language, then the browser's Accept-Language; never the query string, so a link cannot
            // switch someone's language.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new Features.Language.AccountLanguageProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }
}
