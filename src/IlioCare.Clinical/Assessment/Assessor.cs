using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Assessment;

/// <summary>Self-assessment → triage level, reasons, patterns and start phase (SPEC §3, F2).</summary>
public static class Assessor
{
    public const string Disclaimer =
        "IlioCare does not diagnose. It names patterns in your answers and says how soon to see a doctor; " +
        "it does not replace an examination. If you feel very unwell or the pain changes suddenly, seek medical help — " +
        "in an emergency call your local emergency number.";

    public static AssessmentResult Assess(AssessmentInput input)
    {
        var fired = TriageRules.All.Where(r => r.Fires(input)).ToList();
        var level = fired.Count == 0 ? TriageLevel.SelfCare : fired.Max(r => r.Level);
        var reasons = fired.Select(r => new Finding(r.Code, r.Text)).ToArray();

        // SPEC §3: no exercise and no pattern talk until a doctor has checked an urgent or emergency sign.
        if (level >= TriageLevel.Urgent)
            return new AssessmentResult(level, reasons, [], null, Disclaimer);

        return new AssessmentResult(level, reasons, Patterns(input), StartPhase(input, fired), Disclaimer);
    }

    /// <summary>SPEC §3 startPhase for self-care and routine.</summary>
    private static Phase StartPhase(AssessmentInput a, List<TriageRule> fired)
    {
        var settle = fired.Any(r => r.StartsInSettle)
                     || a.PainNow >= 5    // SPEC §3: pain now 5+ is too irritable for strengthening
                     || a.PainWorst >= 7  // SPEC §3
                     // Article: morning stiffness that usually subsides during the day; stiffness that
                     // does not ease is the more irritable picture (SPEC §3).
                     || (a.MorningStiffness && !a.StiffnessEasesDuringDay);
        return settle ? Phase.Settle : Phase.Restore;
    }

    private static Finding[] Patterns(AssessmentInput a)
    {
        var patterns = new List<Finding>(3);
        // SPEC §3, Doha agreement: pain at the front of the hip or groin on hip flexion or a hip-flexor stretch.
        if ((a.PainSites.Contains(PainSite.FrontOfHip) || a.PainSites.Contains(PainSite.Groin))
            && (a.Aggravators.Contains(Aggravator.HipFlexion) || a.Aggravators.Contains(Aggravator.KneeToChest)
                || a.Aggravators.Contains(Aggravator.Stairs) || a.Aggravators.Contains(Aggravator.RisingFromSitting)))
        {
            patterns.Add(new(PatternCodes.IliopsoasRelated,
                "Pain at the front of the hip or groin that rises when you lift the knee looks like iliopsoas-related pain."));
        }
        if (a.Snapping)
            patterns.Add(new(PatternCodes.SnappingHip, "A snap or click at the front of the hip as you move looks like a snapping hip."));
        // Article: bursitis and tendonitis "are usually caused by an overuse injury caused by strenuous
        // activity (such as running, rowing, cycling and strength training)".
        if (a.Activities.Contains(Activity.Running) || a.Activities.Contains(Activity.Rowing)
            || a.Activities.Contains(Activity.Cycling) || a.Activities.Contains(Activity.StrengthTraining)
            || a.RecentLoadIncrease)
        {
            patterns.Add(new(PatternCodes.Overuse, "Your sport or a recent rise in training fits an overuse pattern: load built up faster than the tissue could adapt."));
        }
        return [.. patterns];
    }
}

/// <summary>The codes of the patterns an assessment reports (SPEC §3), listed so every one gets patient words (issue 16).</summary>
public static class PatternCodes
{
    public const string IliopsoasRelated = "iliopsoas-related";
    public const string SnappingHip = "snapping-hip";
    public const string Overuse = "overuse";

    public static IReadOnlyList<string> All { get; } = [IliopsoasRelated, SnappingHip, Overuse];
}
