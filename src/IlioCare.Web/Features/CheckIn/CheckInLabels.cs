using IlioCare.Clinical.Assessment;
using IlioCare.Web.Features.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>Plain words of the check-in, from the clinical wording where it exists.</summary>
internal static class CheckInLabels
{
    /// <summary>
    /// The assessment's question, except a fall: at a check-in it is a new fall, not one "before the pain".
    /// English; pages pass their <c>IStringLocalizer&lt;AssessmentLabels&gt;</c> to the other overload.
    /// </summary>
    public static string Sign(WarningSign sign) => Sign(sign, AssessmentLabels.English);

    /// <summary>The check-in's question in the reader's language (AssessmentLabels holds the words of every sign).</summary>
    public static string Sign(WarningSign sign, IStringLocalizer labels) => AssessmentLabels.CheckInQuestion(sign, labels);

    /// <summary>
    /// The signs this patient is asked (F3): every sign of SPEC §3's check-in list, except scrotal pain when the
    /// latest assessment's sex is "female" — unless today's saved check-in has it, which is then shown as saved.
    /// </summary>
    public static IReadOnlyList<WarningSign> SignsAsked(AssessmentAnswers? latest, IReadOnlySet<WarningSign>? saved) =>
        WarningSigns.AskedAtCheckIn
            .Where(s => s != WarningSign.ScrotalPain || (latest?.AsksScrotalPain ?? true) || saved?.Contains(s) == true)
            .ToArray();

    public static string Sport(Activity activity) => AssessmentLabels.Of(activity);

    public static string Sport(Activity activity, IStringLocalizer labels) => AssessmentLabels.Of(activity, labels);

    /// <summary>The patient's sports from onboarding, then "other" for anything else they did.</summary>
    public static IReadOnlyList<Activity> SportsAsked(IReadOnlySet<Activity> sports) =>
        Enum.GetValues<Activity>().Where(a => sports.Contains(a) || a == Activity.Other).ToArray();
}
