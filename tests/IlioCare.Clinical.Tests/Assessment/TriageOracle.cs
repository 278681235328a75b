using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>SPEC §3 written out a second time, sentence by sentence, independently of the production rules.</summary>
internal static class TriageOracle
{
    // SPEC §3 revision 3, each level's rules in the order the text lists them.
    private static readonly string[] Emergency =
    [
        "bladder-or-bowel-change", "saddle-numbness", "possible-cauda-equina", "possible-fracture", "older-adult-fall",
        "possible-infection", "child-fever", "spreading-infection", "possible-torsion", "possible-bleed",
    ];
    private static readonly string[] UrgentFlags =
        ["fever", "chills", "red-warm-skin", "feeling-sick", "abdominal-pain", "numbness-or-weakness", "cannot-bear-weight", "fall-or-trauma", "hop-pain", "scrotal-pain"];
    private static readonly string[] Urgent = [.. UrgentFlags, "possible-malignancy", "adolescent-hip", "sudden-severe", "possible-clot"];
    private static readonly string[] RoutineFlags = ["joint-pain", "night-pain", "weight-loss", "cancer-history", "swelling-or-lump"];
    private static readonly string[] Routine =
        [.. RoutineFlags, "below-knee", "runner-limp", "worsening", "symptom-days", "pain-worst", "age-50-plus", "pregnancy", "blood-thinners"];

    public static TriageLevel LevelOf(string code) =>
        Emergency.Contains(code) ? TriageLevel.Emergency : Urgent.Contains(code) ? TriageLevel.Urgent : TriageLevel.Routine;

    /// <summary>The codes that fire, in the documented order: emergency, urgent, routine, each as SPEC §3 lists it.</summary>
    public static List<string> Reasons(AssessmentInput a)
    {
        bool F(string flag) => a.Flags.Contains(Wire.Parse<WarningSign>(flag));
        bool Site(string s) => a.PainSites.Contains(Wire.Parse<PainSite>(s));
        var feverish = F("fever") || F("chills");
        var fired = new HashSet<string>();
        void Add(bool fires, string code) { if (fires) fired.Add(code); }

        foreach (var flag in new[] { "bladder-or-bowel-change", "saddle-numbness" }.Concat(UrgentFlags).Concat(RoutineFlags))
            Add(F(flag), flag);
        Add(F("numbness-or-weakness") && a.Side == Side.Both, "possible-cauda-equina");
        Add(F("cannot-bear-weight") && F("fall-or-trauma"), "possible-fracture");
        Add(F("fall-or-trauma") && a.Age >= 65, "older-adult-fall");
        Add(feverish && (F("red-warm-skin") || F("cannot-bear-weight") || F("abdominal-pain")), "possible-infection");
        Add(a.Age < 18 && feverish, "child-fever");
        Add(F("red-warm-skin") && F("feeling-sick"), "spreading-infection");
        Add(F("scrotal-pain") && a.SymptomDays <= 1, "possible-torsion");
        Add(a.BloodThinners && (F("numbness-or-weakness") || F("cannot-bear-weight")), "possible-bleed");
        Add(F("cancer-history") && (F("night-pain") || F("weight-loss")), "possible-malignancy");
        Add(a.Age < 18 && (a.Limp || Site("knee")), "adolescent-hip");
        Add(a.SymptomDays <= 1 && a.PainWorst >= 8, "sudden-severe");
        Add(a.PregnantOrPostpartum && (F("swelling-or-lump") || Site("front-of-thigh") || Site("below-knee")), "possible-clot");
        Add(Site("below-knee"), "below-knee");
        Add(a.Limp && (a.Activities.Contains(Activity.Running) || a.RecentLoadIncrease), "runner-limp");
        Add(a.Worsening, "worsening");
        Add(a.SymptomDays >= 42, "symptom-days");
        Add(a.PainWorst >= 8, "pain-worst");
        Add(a.Age >= 50, "age-50-plus");
        Add(a.PregnantOrPostpartum, "pregnancy");
        Add(a.BloodThinners, "blood-thinners");
        return [.. Emergency.Concat(Urgent).Concat(Routine).Where(fired.Contains)];
    }

    public static string? StartPhase(AssessmentInput a, List<string> reasons)
    {
        if (reasons.Any(r => LevelOf(r) >= TriageLevel.Urgent)) return null;
        var settle = reasons.Any(r => RoutineFlags.Contains(r) || r is "below-knee" or "runner-limp" or "worsening")
                     || a.PainNow >= 5 || a.PainWorst >= 7 || (a.MorningStiffness && !a.StiffnessEasesDuringDay);
        return settle ? "settle" : "restore";
    }

    public static List<string> Patterns(AssessmentInput a, List<string> reasons)
    {
        if (reasons.Any(r => LevelOf(r) >= TriageLevel.Urgent)) return [];
        var sites = a.PainSites.Select(Wire.Of).ToHashSet();
        var aggravators = a.Aggravators.Select(Wire.Of).ToHashSet();
        var activities = a.Activities.Select(Wire.Of).ToHashSet();
        var patterns = new List<string>();
        if ((sites.Contains("front-of-hip") || sites.Contains("groin"))
            && aggravators.Overlaps(["hip-flexion", "knee-to-chest", "stairs", "rising-from-sitting"]))
            patterns.Add("iliopsoas-related");
        if (a.Snapping) patterns.Add("snapping-hip");
        if (activities.Overlaps(["running", "rowing", "cycling", "strength-training"]) || a.RecentLoadIncrease) patterns.Add("overuse");
        return patterns;
    }
}
