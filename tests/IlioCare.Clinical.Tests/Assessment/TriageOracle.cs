using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>SPEC §3 written out a second time, sentence by sentence, independently of the production rules.</summary>
internal static class TriageOracle
{
    private static readonly string[] Emergency =
        ["bladder-or-bowel-change", "saddle-numbness", "possible-cauda-equina", "possible-fracture", "older-adult-fall", "possible-infection", "child-fever-limp"];
    private static readonly string[] Urgent =
        ["fever", "chills", "red-warm-skin", "feeling-sick", "abdominal-pain", "numbness-or-weakness", "cannot-bear-weight", "fall-or-trauma", "hop-pain", "possible-malignancy", "adolescent-hip"];
    private static readonly string[] RoutineFlags = ["joint-pain", "night-pain", "weight-loss", "cancer-history", "swelling-or-lump"];

    public static TriageLevel LevelOf(string code) =>
        Emergency.Contains(code) ? TriageLevel.Emergency : Urgent.Contains(code) ? TriageLevel.Urgent : TriageLevel.Routine;

    public static List<string> Reasons(AssessmentInput a)
    {
        bool F(string flag) => a.Flags.Contains(Wire.Parse<WarningSign>(flag));
        bool Site(string s) => a.PainSites.Contains(Wire.Parse<PainSite>(s));
        var feverish = F("fever") || F("chills");
        var codes = new List<string>();
        void Add(bool fires, string code) { if (fires) codes.Add(code); }

        foreach (var flag in new[] { "bladder-or-bowel-change", "saddle-numbness" }.Concat(Urgent.Take(9)).Concat(RoutineFlags))
            Add(F(flag), flag);
        Add(F("numbness-or-weakness") && a.Side == Side.Both, "possible-cauda-equina");
        Add(F("cannot-bear-weight") && F("fall-or-trauma"), "possible-fracture");
        Add(F("fall-or-trauma") && a.Age >= 65, "older-adult-fall");
        Add(feverish && (F("red-warm-skin") || F("cannot-bear-weight") || F("abdominal-pain")), "possible-infection");
        Add(a.Age < 18 && feverish && a.Limp, "child-fever-limp");
        Add(F("cancer-history") && (F("night-pain") || F("weight-loss")), "possible-malignancy");
        Add(a.Age < 18 && (a.Limp || Site("knee")), "adolescent-hip");
        Add(Site("below-knee"), "below-knee");
        Add(a.Limp && (a.Activities.Contains(Activity.Running) || a.RecentLoadIncrease), "runner-limp");
        Add(a.Worsening, "worsening");
        Add(a.SymptomDays >= 42, "symptom-days");
        Add(a.PainWorst >= 8, "pain-worst");
        Add(a.Age >= 50, "age-50-plus");
        return codes;
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
