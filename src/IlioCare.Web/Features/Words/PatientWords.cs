using System.Globalization;
using IlioCare.Clinical;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Words;

/// <summary>
/// The one place where a clinical code becomes the words a patient reads (issue 16). IlioCare.Clinical keeps the
/// stable code and its plain English text (the CLI and the API use those); pages, mails and the API's <c>text</c>
/// for a Spanish reader ask here. Resources/Features/Words/PatientWords.resx holds the patient-language English by
/// code, PatientWords.es.resx the Spanish; a code with no entry falls back to the clinical text.
/// </summary>
public sealed class PatientWords(IStringLocalizer<PatientWords> words)
{
    public string Of(Finding finding) => Of(finding.Code, finding.Text);

    public string Of(string code, string fallback)
    {
        var text = words[code];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    /// <summary>
    /// A finding as the API answers it: the clinical English text unchanged when the reader asked for English or
    /// nothing (the contract's text since version 1), the patient words of their language otherwise. The code never changes.
    /// </summary>
    public Finding ForApi(Finding finding) =>
        IsEnglish(CultureInfo.CurrentUICulture) ? finding : finding with { Text = Of(finding) };

    public IReadOnlyList<Finding> ForApi(IEnumerable<Finding> findings) => [.. findings.Select(ForApi)];

    private static bool IsEnglish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName is "en" or "iv" || string.IsNullOrEmpty(culture.Name);
}
