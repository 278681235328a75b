using System.Globalization;
using IlioCare.Web.Hosting;

namespace IlioCare.Web.Features.Language;

/// <summary>
/// Writes a mail or a push message in its reader's language (issue 16), not in the language of whoever's request
/// caused it (a patient's sign triggers a clinician's alert; the scheduler has no request at all). The localizers read
/// <see cref="CultureInfo.CurrentUICulture"/>, so the text is built inside <c>using (LanguageScope.Use(language))</c>;
/// dates and numbers follow <see cref="CultureInfo.CurrentCulture"/>, set with it.
/// </summary>
internal readonly struct LanguageScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private LanguageScope(CultureInfo culture, CultureInfo uiCulture)
    {
        _culture = culture;
        _uiCulture = uiCulture;
    }

    /// <summary>The account's language; English for an account that has none (accounts from before issue 16).</summary>
    public static LanguageScope Use(string? language)
    {
        var scope = new LanguageScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(Localization.Known(language) ?? Localization.English);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return scope;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
