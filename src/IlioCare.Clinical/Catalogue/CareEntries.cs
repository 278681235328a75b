using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Catalogue;

/// <summary>Self-massage and the sport warm-up.</summary>
internal static class CareEntries
{
    /// <summary>
    /// Article, "Self massage": finger technique, "15 slow and very short strokes" on each tender spot, one
    /// spot at a time down a to-do list. SPEC §4 places it in settle only (restore's list is the stretches
    /// and strengthening), and F18 removes it after the massage safety check.
    /// </summary>
    public static Exercise SelfMassage { get; } = new()
    {
        Id = ExerciseId.SelfMassage,
        Name = "Self-massage",
        Kind = ExerciseKind.Massage,
        Steps =
        [
            // The article says "the same position you used for palpation" without naming it; lying on the
            // back with bent knees relaxes the belly, which is how the muscle is usually felt for.
            "Lie on your back with your knees bent so your belly is relaxed.",
            "With your fingertips, supported by the other hand, feel slowly for a tender spot on your list.",
            "When you find one, stay on it and make 15 slow, very short strokes, on that spot only.",
            "Then move on to the next spot on the list, working from the top down.",
        ],
        DoseText = "15 slow, very short strokes on each tender spot: near the navel, then the front of the pelvis, then just above the tendon",
        // One side: the sore one. The article works the muscle where it is tender.
        PerSide = false,
        SafetyNote = Safety.StopIfPainIncreases + " Press gently. If you feel a pulse under your fingers, move them a little to the side.",
        Phases = [Phase.Settle],
        Source = "Article, \"Self massage\"; SPEC §4, §5, F18.",
    };

    /// <summary>
    /// Article, "Physical therapy": raising muscle temperature before sport "reduces the likelihood of
    /// developing a muscle injury or tendon". The content and ten minutes are our choice (the article gives
    /// no recipe): easy whole-body movement first, then dynamic hip moves, then the sport's own moves.
    /// Restore is listed too: restore reached by a flare keeps sport at the flare cap (SPEC §4), and SPEC §5
    /// wants the warm-up "before any sport".
    /// </summary>
    public static Exercise SportWarmUp { get; } = new()
    {
        Id = ExerciseId.SportWarmUp,
        Name = "Warm-up before sport",
        Kind = ExerciseKind.WarmUp,
        Steps =
        [
            "Move easily for about 5 minutes to warm up: brisk walking, an easy jog, or easy pedalling or rowing.",
            "Swing each leg gently forward and back 10 times, holding on to something for balance.",
            "March on the spot with knees lifting a little higher each time, for about a minute.",
            "Finish with a few of your sport's own moves, slowly at first, then building up to your usual pace.",
            "Start your sport straight after, while you are still warm.",
        ],
        DoseText = $"About {ExerciseCatalogue.WarmUpMinutes} minutes, right before every sport session",
        PerSide = false,
        SafetyNote = Safety.StopIfPainIncreases + " Warm up gently: it should leave you ready, not tired.",
        Phases = [Phase.Restore, Phase.Return, Phase.Prevent],
        Source = "Article, \"Physical therapy\" (warm-up before sport); SPEC §4, §5.",
    };
}
