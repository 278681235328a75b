using System.Globalization;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Safety;
using IlioCare.Web.Features.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Onboarding;

/// <summary>The posted onboarding form (issue 3, F18). Each massage question needs an explicit yes or no.</summary>
public sealed class OnboardingForm
{
    /// <summary>SPEC §7: preInjuryWeeklyMinutes is 0–10080 (the minutes in a week).</summary>
    public const int MaxWeeklyMinutes = 10080;

    public string? Side { get; set; }
    public string[] Sports { get; set => field = value ?? []; } = [];
    public string? PreInjuryWeeklyMinutes { get; set; }
    public string? TimeZone { get; set; }
    public string? SessionTime { get; set; }
    public string? Pregnancy { get; set; }
    public string? BloodThinners { get; set; }
    public string? RecentAbdominalSurgery { get; set; }
    public string? AorticAneurysm { get; set; }
    public string? Hernia { get; set; }

    public string? Answer(MassageCaution caution) => caution switch
    {
        MassageCaution.Pregnancy => Pregnancy,
        MassageCaution.BloodThinners => BloodThinners,
        MassageCaution.RecentAbdominalSurgery => RecentAbdominalSurgery,
        MassageCaution.AorticAneurysm => AorticAneurysm,
        MassageCaution.Hernia => Hernia,
    };

    public static string FieldOf(MassageCaution caution) => $"massage-{WireName.Of(caution)}";

    /// <summary>
    /// F18 starts from the assessment (SPEC §3 revision 3): its pregnancy and blood-thinner answers become this
    /// check's "yes"/"no", which the patient still sees and can change. An assessment that never asked (taken before
    /// revision 3, or pregnancy with sex "male") leaves the question unanswered.
    /// </summary>
    public void PrefillFrom(AssessmentAnswers answers)
    {
        Pregnancy ??= YesNo(answers.PregnantOrPostpartum);
        BloodThinners ??= YesNo(answers.BloodThinners);
    }

    private static string? YesNo(bool? answer) => answer switch { true => "yes", false => "no", null => null };

    /// <summary>The checked values, or the message for each field that is wrong.</summary>
    /// <param name="L">The messages in the reader's language; the page puts each field's label in front.</param>
    /// <param name="askPregnancy">False when the assessment's sex is "male": the question is not shown and counts as "no".</param>
    public (Onboarding? Value, List<(string Field, string Message)> Errors) Check(IStringLocalizer<OnboardingForm> L, bool askPregnancy = true)
    {
        var errors = new List<(string, string)>();
        if (!WireName.TryParse<Side>(Side, out var side)) errors.Add(("side", L["Choose the side that hurts."]));
        var sports = new HashSet<Activity>();
        foreach (var s in Sports)
        {
            if (WireName.TryParse<Activity>(s, out var a)) sports.Add(a);
            else errors.Add(("sports", L["Choose only sports from the list."]));
        }
        if (!int.TryParse(PreInjuryWeeklyMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > MaxWeeklyMinutes)
            errors.Add(("preInjuryWeeklyMinutes", L["Enter a whole number of minutes from 0 to {0}. Enter 0 if you did no sport.", MaxWeeklyMinutes]));
        if (TimeZone is null || !TimeZones.Offered.Contains(TimeZone))
            errors.Add(("timeZone", L["Choose your time zone from the list."]));
        if (!TimeOnly.TryParseExact(SessionTime?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            errors.Add(("sessionTime", L["Enter a time like 18:30."]));
        var cautions = new HashSet<MassageCaution>();
        foreach (var caution in Enum.GetValues<MassageCaution>().Where(c => askPregnancy || c != MassageCaution.Pregnancy))
        {
            switch (Answer(caution))
            {
                case "yes": cautions.Add(caution); break;
                case "no": break;
                default: errors.Add((FieldOf(caution), L["Answer yes or no."])); break;
            }
        }
        return errors.Count > 0 ? (null, errors) : (new Onboarding(side, sports, minutes, TimeZone!, time, cautions), errors);
    }
}

/// <summary>Checked onboarding answers.</summary>
public sealed record Onboarding(Side Side, IReadOnlySet<Activity> Sports, int PreInjuryWeeklyMinutes, string TimeZoneId,
    TimeOnly SessionTime, IReadOnlySet<MassageCaution> MassageCautions);
