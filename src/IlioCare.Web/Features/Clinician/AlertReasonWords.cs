using System.Globalization;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using IlioCare.Web.Features.Library;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// An alert's reason in the clinician's language (issue 16), from its code and parts (<see cref="AlertReason"/>),
/// never by translating the English sentence. For an English reader the sentence of <see cref="AlertWords"/> is
/// shown unchanged (the API and the CLI give the same one).
/// </summary>
internal sealed class AlertReasonWords
{
    private AlertReasonWords() { }

    public static string Of(Alert alert, IStringLocalizer<AlertReasonWords> L, ExerciseWords exercises) =>
        alert.Why is { } why && !English ? Of(why, L, exercises) : alert.Reason;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "en" or "iv";

    private static string Of(AlertReason r, IStringLocalizer<AlertReasonWords> L, ExerciseWords exercises)
    {
        string Day() => r.Day is { } d ? d.ToString(L["d MMM"], CultureInfo.CurrentCulture) : "–";
        string Number(double? n) => (n ?? 0).ToString("0.#", CultureInfo.CurrentCulture);
        return r.Code switch
        {
            AlertReasonCode.WarningSignReported => L["{0} reported on {1}", Signs(r.Signs, L), Day()],
            AlertReasonCode.PausedSinceSign => L["Program paused: {0} reported on {1}", Signs(r.Signs, L), Day()],
            AlertReasonCode.PausedSince => L["Program paused for a warning sign since {0}", Day()],
            AlertReasonCode.SeverePain => L["Pain {0} out of 10 on {1}", r.Pain ?? 0, Day()],
            AlertReasonCode.Flare => L["Flare on {0}: {1}", Day(), r.Why is { } why ? Of(why, L, exercises) : "–"],
            AlertReasonCode.FlareBySeverePain => L["pain {0} out of 10", r.Pain ?? 0],
            AlertReasonCode.FlareByRise => L["pain {0} out of 10, {1} above the average of the {2} check-ins before", r.Pain ?? 0, Number(r.Rise), r.Count ?? 0],
            AlertReasonCode.FlareBySecondStop => L["a second exercise stopped for pain within {0} days", r.WindowDays ?? 0],
            AlertReasonCode.FlareJudged => L["pain {0} out of 10 (judged a flare by the morning review)", r.Pain ?? 0],
            AlertReasonCode.Stopped => (r.Count ?? 1) > 1
                ? L["Stopped {0}: pain went up ({1}); {2} stops in the last {3} days", ExerciseName(r, exercises), Day(), r.Count ?? 1, r.WindowDays ?? 0]
                : L["Stopped {0}: pain went up ({1})", ExerciseName(r, exercises), Day()],
            AlertReasonCode.NoCheckInSince => L["No check-in since {0}", Day()],
            AlertReasonCode.NoCheckInYet => L["No check-in yet (program started {0})", Day()],
            _ => r.Text,
        };
    }

    /// <summary>A clinician's own exercise keeps the name its clinician wrote; a catalogue one is named in the reader's language.</summary>
    private static string ExerciseName(AlertReason r, ExerciseWords exercises) =>
        r.CustomExercise ?? (r.Exercise is { } id ? exercises.Name(ExerciseCatalogue.Get(id)) : "–");

    /// <summary>"Fiebre", "Fiebre y escalofríos", "Fiebre, escalofríos y …": the signs in the declared order, as <see cref="AlertWords.Signs"/>.</summary>
    public static string Signs(IEnumerable<WarningSign> signs, IStringLocalizer<AlertReasonWords> L)
    {
        var words = signs.Distinct().Order().Select(s => Sign(s, L)).ToArray();
        var text = words.Length switch
        {
            0 => L["a warning sign"].Value,
            1 => words[0],
            _ => L["{0} and {1}", string.Join(", ", words[..^1]), words[^1]].Value,
        };
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    /// <summary>A warning sign as a clinician names it in a sentence (lower case), as <see cref="AlertWords.Sign"/>.</summary>
    private static string Sign(WarningSign sign, IStringLocalizer<AlertReasonWords> L) => sign switch
    {
        WarningSign.Fever => L["fever"],
        WarningSign.Chills => L["chills"],
        WarningSign.RedWarmSkin => L["red, warm skin"],
        WarningSign.FeelingSick => L["feeling unwell"],
        WarningSign.AbdominalPain => L["belly pain"],
        WarningSign.NumbnessOrWeakness => L["numbness or weakness in a leg"],
        WarningSign.BladderOrBowelChange => L["a new bladder or bowel problem"],
        WarningSign.SaddleNumbness => L["numbness in the saddle area"],
        WarningSign.CannotBearWeight => L["cannot bear weight on the leg"],
        WarningSign.FallOrTrauma => L["a fall, blow or accident"],
        WarningSign.HopPain => L["pain on hopping"],
        WarningSign.JointPain => L["pain deep in the hip joint"],
        WarningSign.NightPain => L["pain at night"],
        WarningSign.WeightLoss => L["unexplained weight loss"],
        WarningSign.CancerHistory => L["a history of cancer"],
        WarningSign.SwellingOrLump => L["a swelling or lump"],
        WarningSign.ScrotalPain => L["pain or swelling in the scrotum"],
        _ => AlertWords.Sign(sign),
    };
}
