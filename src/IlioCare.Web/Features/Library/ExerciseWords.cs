using IlioCare.Clinical.Catalogue;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Library;

/// <summary>
/// The catalogue's own English (names, steps, safety notes in IlioCare.Clinical) in the reader's language
/// (issue 16). The English text is the key: Resources/Features/Library/ExerciseWords.es.resx maps it to Spanish,
/// and an English reader gets the catalogue's text unchanged.
/// </summary>
public sealed class ExerciseWords(IStringLocalizer<ExerciseWords> L)
{
    public string this[string english] => L[english].Value;

    /// <summary>The catalogue's English unchanged: for builders called without a reader (a clinician's view).</summary>
    public static ExerciseWords English { get; } = new(new Words.KeysAsText<ExerciseWords>());

    /// <summary>An entry's name in the reader's language.</summary>
    public string Name(Exercise exercise) => this[exercise.Name];

    /// <summary>An entry's steps in the reader's language, in order.</summary>
    public IEnumerable<string> Steps(Exercise exercise) => exercise.Steps.Select(step => this[step]);

    /// <summary>The name of a group of the library.</summary>
    public string Kind(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => L["Stretches"],
        ExerciseKind.Strength => L["Strengthening"],
        ExerciseKind.Massage => L["Massage"],
        ExerciseKind.WarmUp => L["Warm-up"],
    };

    /// <summary>Where a tender spot is (the catalogue's words, <see cref="ExerciseCatalogue.Describe"/>).</summary>
    public string Spot(TenderSpot spot) => this[ExerciseCatalogue.Describe(spot)];
}
