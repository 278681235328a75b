namespace IlioCare.Clinical.Assessment;

/// <summary>
/// The red and yellow flags of SPEC §3. One exhaustive enum: every switch over it has no discard arm
/// (CS8509 is an error), so a new sign cannot compile until its level and its words are decided.
/// </summary>
public enum WarningSign
{
    // Infection of the bursa — article, "Complications": "fever or chills … red, warm skin … feeling sick".
    Fever,
    Chills,
    RedWarmSkin,
    FeelingSick,
    // Not iliopsoas: abdominal or spinal causes that must be seen quickly.
    AbdominalPain,
    NumbnessOrWeakness,
    // Cauda equina: declared bladder first, as SPEC §3 lists the emergency reasons.
    BladderOrBowelChange,
    SaddleNumbness,
    // Fracture and stress fracture.
    CannotBearWeight,
    FallOrTrauma,
    HopPain,
    // Worth a planned visit — article: "joint pain"; the rest are the usual red flags for hip pain.
    JointPain,
    NightPain,
    WeightLoss,
    CancerHistory,
    SwellingOrLump,
    // Revision 3 (SPEC §3): testicular torsion felt as groin pain. Declared last because SPEC §3 lists it
    // last among the flags and last among the urgent bare rules, so reasons keep the documented order.
    ScrotalPain,
}

public static class WarningSigns
{
    /// <summary>
    /// The level a sign reaches on its own (SPEC §3 bare flag rule), for the advice a page shows the moment a sign is
    /// ticked, before the full triage (which also weighs combinations) runs on the server.
    /// </summary>
    public static TriageLevel LevelOnItsOwn(WarningSign sign) => TriageRules.BareLevel(sign);

    /// <summary>
    /// The signs every daily check-in asks about, "as new since the last check-in" (SPEC §3, F3):
    /// the urgent and emergency ones a patient can notice from one day to the next.
    /// </summary>
    public static IReadOnlyList<WarningSign> AskedAtCheckIn { get; } =
        Enum.GetValues<WarningSign>().Where(IsAskedAtCheckIn).ToArray();

    public static bool IsAskedAtCheckIn(WarningSign sign) => sign switch
    {
        WarningSign.Fever or WarningSign.Chills or WarningSign.RedWarmSkin or WarningSign.FeelingSick
            or WarningSign.AbdominalPain or WarningSign.NumbnessOrWeakness or WarningSign.SaddleNumbness
            or WarningSign.BladderOrBowelChange or WarningSign.CannotBearWeight or WarningSign.FallOrTrauma
            // Revision 3 (SPEC §3): scrotal-pain is among the signs asked at every check-in.
            or WarningSign.ScrotalPain => true,
        // hop-pain is an assessment question, not a day-to-day sign (SPEC §4: the 10-hop test is not it).
        WarningSign.HopPain or WarningSign.JointPain or WarningSign.NightPain or WarningSign.WeightLoss
            or WarningSign.CancerHistory or WarningSign.SwellingOrLump => false,
    };

    /// <summary>Plain words for a patient, as the check-in and the assessment form ask them.</summary>
    public static string Question(WarningSign sign) => sign switch
    {
        WarningSign.Fever => "A fever (38 °C or higher)",
        WarningSign.Chills => "Chills or shivering",
        WarningSign.RedWarmSkin => "Red, warm skin over the hip or groin",
        WarningSign.FeelingSick => "Feeling generally unwell or sick",
        WarningSign.AbdominalPain => "Pain in the belly (abdomen)",
        WarningSign.NumbnessOrWeakness => "Numbness, pins and needles or weakness in a leg",
        WarningSign.SaddleNumbness => "Numbness between your legs or around your bottom, where you would sit on a bike saddle",
        WarningSign.BladderOrBowelChange => "New trouble controlling your bladder or bowels",
        WarningSign.CannotBearWeight => "You cannot put weight on the leg",
        WarningSign.FallOrTrauma => "A fall, blow or accident before the pain",
        WarningSign.HopPain => "Pain when you hop on the sore leg",
        WarningSign.JointPain => "Pain deep in the hip joint itself",
        WarningSign.NightPain => "Pain at night that wakes you or does not ease with rest",
        WarningSign.WeightLoss => "Weight loss you cannot explain",
        WarningSign.CancerHistory => "You have had cancer",
        WarningSign.SwellingOrLump => "A swelling or lump in the groin or hip",
        WarningSign.ScrotalPain => "Pain or swelling in a testicle or the scrotum (the skin bag that holds the testicles)",
    };
}
