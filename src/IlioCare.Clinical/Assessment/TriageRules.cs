using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Assessment;

/// <summary>
/// The rules of SPEC §3, in the order their reasons are reported: highest level first, and within a level
/// the bare warning-sign rules (declaration order) before the named combinations (SPEC order).
/// </summary>
internal static class TriageRules
{
    public static IReadOnlyList<TriageRule> All { get; } = Build();

    /// <summary>
    /// The level a warning sign reaches on its own (SPEC §3 "a bare flag rule"). Exhaustive on purpose:
    /// a new sign does not compile until someone decides how urgent it is.
    /// </summary>
    public static TriageLevel BareLevel(WarningSign sign) => sign switch
    {
        // Possible cauda equina syndrome: emergency on its own.
        WarningSign.BladderOrBowelChange or WarningSign.SaddleNumbness => TriageLevel.Emergency,
        // Possible infection of the bursa (article, "Complications"), fracture, stress fracture, or a
        // cause outside the hip: a doctor within 24 hours.
        WarningSign.Fever or WarningSign.Chills or WarningSign.RedWarmSkin or WarningSign.FeelingSick
            or WarningSign.AbdominalPain or WarningSign.NumbnessOrWeakness or WarningSign.CannotBearWeight
            or WarningSign.FallOrTrauma or WarningSign.HopPain => TriageLevel.Urgent,
        // Worth a planned visit (article: "joint pain" among the infection signs; red flags for hip pain).
        WarningSign.JointPain or WarningSign.NightPain or WarningSign.WeightLoss or WarningSign.CancerHistory
            or WarningSign.SwellingOrLump => TriageLevel.Routine,
    };

    private static List<TriageRule> Build()
    {
        var combinations = new TriageRule[]
        {
            // --- emergency (SPEC §3) ---
            new(TriageLevel.Emergency, "possible-cauda-equina",
                "Numbness or weakness in both legs can mean pressure on the nerves at the base of the spine.",
                a => a.Has(WarningSign.NumbnessOrWeakness) && a.Side == Side.Both, false),
            new(TriageLevel.Emergency, "possible-fracture",
                "Not being able to stand on the leg after a fall or blow can mean a broken bone.",
                a => a.Has(WarningSign.CannotBearWeight) && a.Has(WarningSign.FallOrTrauma), false),
            new(TriageLevel.Emergency, "older-adult-fall",
                "Hip pain after a fall at 65 or older needs checking for a broken hip.",
                a => a.Has(WarningSign.FallOrTrauma) && a.Age >= 65, false),
            new(TriageLevel.Emergency, "possible-infection",
                "Fever or chills with red warm skin, not bearing weight or belly pain can mean an infection (article: the bursa can become infected).",
                a => (a.Has(WarningSign.Fever) || a.Has(WarningSign.Chills))
                     && (a.Has(WarningSign.RedWarmSkin) || a.Has(WarningSign.CannotBearWeight) || a.Has(WarningSign.AbdominalPain)), false),
            new(TriageLevel.Emergency, "child-fever-limp",
                "A child or teenager with a fever and a limp must be seen at once to rule out a joint infection.",
                a => a.Age < 18 && (a.Has(WarningSign.Fever) || a.Has(WarningSign.Chills)) && a.Limp, false),
            // --- urgent ---
            new(TriageLevel.Urgent, "possible-malignancy",
                "A history of cancer with night pain or unexplained weight loss needs a doctor's check soon.",
                a => a.Has(WarningSign.CancerHistory) && (a.Has(WarningSign.NightPain) || a.Has(WarningSign.WeightLoss)), false),
            new(TriageLevel.Urgent, "adolescent-hip",
                "Under 18, a limp or knee pain can come from the hip joint itself (such as a slipped growth plate) and needs a doctor soon.",
                a => a.Age < 18 && (a.Limp || a.PainSites.Contains(PainSite.Knee)), false),
            // --- routine ---
            new(TriageLevel.Routine, "below-knee",
                "Pain that spreads below the knee may come from the back or nerves, not the hip flexor; have it checked.",
                a => a.PainSites.Contains(PainSite.BelowKnee), true),
            new(TriageLevel.Routine, "runner-limp",
                "A limp with running or a recent jump in training: a stress fracture must be ruled out before running again.",
                a => a.Limp && (a.Activities.Contains(Activity.Running) || a.RecentLoadIncrease), true),
            new(TriageLevel.Routine, "worsening",
                "It is getting worse despite rest (article: \"if left untreated, the pain can get worse\").",
                a => a.Worsening, true),
            new(TriageLevel.Routine, "symptom-days",
                "It has hurt for 6 weeks or more; a doctor or physio should look at it.",
                a => a.SymptomDays >= 42, false),
            new(TriageLevel.Routine, "pain-worst",
                "Pain reaching 8 out of 10 or more deserves a visit.",
                a => a.PainWorst >= 8, false),
            new(TriageLevel.Routine, "age-50-plus",
                "New hip pain at 50 or older deserves a check by a doctor.",
                a => a.Age >= 50, false),
        };

        var rules = new List<TriageRule>();
        foreach (var level in Enum.GetValues<TriageLevel>().Reverse())
        {
            rules.AddRange(Enum.GetValues<WarningSign>()
                .Where(s => BareLevel(s) == level)
                .Select(s => BareRule(s, level)));
            rules.AddRange(combinations.Where(r => r.Level == level));
        }
        return rules;
    }

    private static TriageRule BareRule(WarningSign sign, TriageLevel level) =>
        // A routine rule that fired on a flag starts the program in settle (SPEC §3 startPhase).
        new(level, WireName.Of(sign), $"You reported: {LowerFirst(WarningSigns.Question(sign))}.", a => a.Has(sign), level == TriageLevel.Routine);

    private static string LowerFirst(string text) => string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));
}
