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
            or WarningSign.FallOrTrauma or WarningSign.HopPain
            // Revision 3: pain or swelling in a testicle or the scrotum can be torsion felt as groin pain.
            or WarningSign.ScrotalPain => TriageLevel.Urgent,
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
                "A fever or chills together with red, warm skin, not being able to stand on the leg, or belly pain can mean an infection, for example of the fluid-filled sac (bursa) near the hip.",
                // Article, "Complications": the bursa can become infected (fever, chills, red warm skin).
                a => (a.Has(WarningSign.Fever) || a.Has(WarningSign.Chills))
                     && (a.Has(WarningSign.RedWarmSkin) || a.Has(WarningSign.CannotBearWeight) || a.Has(WarningSign.AbdominalPain)), false),
            // Revision 3 replaces child-fever-limp: septic hip in a child can show no limp (a 13-year-old with fever).
            new(TriageLevel.Emergency, "child-fever",
                "A child or teenager with hip pain and a fever or chills must be seen at once: an infection in the hip joint can show no limp at first.",
                a => a.Age < 18 && (a.Has(WarningSign.Fever) || a.Has(WarningSign.Chills)), false),
            // Revision 3: necrotising infection can come before the fever.
            new(TriageLevel.Emergency, "spreading-infection",
                "Red, warm skin while you feel unwell can be a fast-spreading skin infection, even before a fever starts.",
                a => a.Has(WarningSign.RedWarmSkin) && a.Has(WarningSign.FeelingSick), false),
            // Revision 3: testicular torsion felt as groin pain; SPEC §3 draws the line at symptomDays ≤ 1.
            new(TriageLevel.Emergency, "possible-torsion",
                "New pain or swelling in a testicle can mean it has twisted (torsion). This needs treatment within hours to save the testicle.",
                a => a.Has(WarningSign.ScrotalPain) && a.SymptomDays <= 1, false),
            // Revision 3: a bleed into the psoas on blood thinners can press on the femoral nerve.
            new(TriageLevel.Emergency, "possible-bleed",
                "On blood-thinning medicine, numbness, weakness or not being able to stand on the leg can mean bleeding into the muscle that presses on a nerve.",
                a => a.BloodThinners && (a.Has(WarningSign.NumbnessOrWeakness) || a.Has(WarningSign.CannotBearWeight)), false),
            // --- urgent ---
            new(TriageLevel.Urgent, "possible-malignancy",
                "A history of cancer with night pain or unexplained weight loss needs a doctor's check soon.",
                a => a.Has(WarningSign.CancerHistory) && (a.Has(WarningSign.NightPain) || a.Has(WarningSign.WeightLoss)), false),
            new(TriageLevel.Urgent, "adolescent-hip",
                "Under 18, a limp or knee pain can come from the hip joint itself (such as a slipped growth plate) and needs a doctor soon.",
                a => a.Age < 18 && (a.Limp || a.PainSites.Contains(PainSite.Knee)), false),
            // Revision 3: sudden severe pain (started within a day, worst 8+) is not an overuse strain until a
            // doctor says so: torsion, a tendon pulled off the bone (avulsion), a bleed.
            new(TriageLevel.Urgent, "sudden-severe",
                "Very bad pain that started suddenly, in the last day, is not a simple strain until a doctor has checked it.",
                a => a.SymptomDays <= 1 && a.PainWorst >= 8, false),
            // Revision 3: a deep-vein clot in pregnancy or after birth can feel like a groin strain.
            new(TriageLevel.Urgent, "possible-clot",
                "During pregnancy or in the weeks after giving birth, swelling or pain in the thigh or lower leg can be a blood clot in a vein.",
                a => a.PregnantOrPostpartum
                     && (a.Has(WarningSign.SwellingOrLump) || a.PainSites.Contains(PainSite.FrontOfThigh) || a.PainSites.Contains(PainSite.BelowKnee)), false),
            // --- routine ---
            new(TriageLevel.Routine, "below-knee",
                "Pain that spreads below the knee may come from the back or nerves, not the hip flexor; have it checked.",
                a => a.PainSites.Contains(PainSite.BelowKnee), true),
            new(TriageLevel.Routine, "runner-limp",
                "A limp with running or a recent jump in training: a stress fracture must be ruled out before running again.",
                a => a.Limp && (a.Activities.Contains(Activity.Running) || a.RecentLoadIncrease), true),
            new(TriageLevel.Routine, "worsening",
                "It is getting worse despite rest. Pain that keeps growing needs a check.",
                // Article: "if left untreated, the pain can get worse".
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
            // Revision 3 risk factors: they add a reason but never change startPhase (SPEC §3: "not flags").
            new(TriageLevel.Routine, "pregnancy",
                "You are pregnant or had a baby in the last 6 weeks: tell your midwife or doctor about the hip pain, and check each exercise with them.",
                a => a.PregnantOrPostpartum, false),
            new(TriageLevel.Routine, "blood-thinners",
                "You take a blood-thinning medicine: bleeding into a muscle can look like a strain, so tell your doctor about the pain.",
                a => a.BloodThinners, false),
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
        new(level, WireName.Of(sign), $"You reported: {LowerFirst(WarningSigns.Question(sign))}.{WhyItMatters(sign)}", a => a.Has(sign), level == TriageLevel.Routine);

    /// <summary>
    /// Words only: a sign that sends someone to emergency care on its own says why, or "numbness where you would sit
    /// on a bike saddle" reads as a small thing. The other signs say enough in the question itself.
    /// </summary>
    private static string WhyItMatters(WarningSign sign) => sign switch
    {
        WarningSign.BladderOrBowelChange or WarningSign.SaddleNumbness =>
            " This can mean the nerves at the base of the spine are being squeezed, which needs treatment within hours to protect the bladder, bowels and legs.",
        WarningSign.Fever or WarningSign.Chills or WarningSign.RedWarmSkin or WarningSign.FeelingSick or WarningSign.AbdominalPain
            or WarningSign.NumbnessOrWeakness or WarningSign.CannotBearWeight or WarningSign.FallOrTrauma or WarningSign.HopPain
            or WarningSign.JointPain or WarningSign.NightPain or WarningSign.WeightLoss or WarningSign.CancerHistory
            or WarningSign.SwellingOrLump or WarningSign.ScrotalPain => "",
    };

    private static string LowerFirst(string text) => string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));
}
