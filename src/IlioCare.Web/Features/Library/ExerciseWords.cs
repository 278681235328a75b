using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Library;

/// <summary>
/// The catalogue's own English (names, steps, safety notes in IlioCare.Clinical) in the reader's language
/// (issue 16). The English text is the key: Resources/Features/Library/ExerciseWords.es.resx maps it to Spanish,
/// and an English reader gets the catalogue's text unchanged.
/// </summary>
public sealed class ExerciseWords(IStringLocalizer<ExerciseWords> words)
{
    public string this[string english] => words[english].Value;
}
