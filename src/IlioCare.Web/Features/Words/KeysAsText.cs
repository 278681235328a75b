using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Words;

/// <summary>
/// A localizer that answers with its English keys themselves, formatted: what a reader without a language sees. The
/// English text is the key (issue 16), so this is English for builders called without a reader (the API's and a
/// clinician's views built outside a request's culture).
/// </summary>
internal sealed class KeysAsText<T> : IStringLocalizer<T>
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
