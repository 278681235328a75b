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
}
