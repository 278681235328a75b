using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// The three strengthening exercises. Facts: article, "Strengthening" (straight leg raise on the back, seated
/// marching against resistance, standing loop-band flexion held 3 s and released slowly; "15 to 20
/// repetitions. Two or three sets … once a day"; cuff weight or band); ladder: SPEC §6; phases: SPEC §4
/// (none in settle).
/// </summary>
internal static class StrengthEntries
{
    private const string Source = "Article, \"Strengthening\"; SPEC §4, §5, §6.";
    private const string Dose = "15–20 repetitions, 2–3 sets, once a day, on each leg; resistance none → light → medium → heavy";
    private static readonly Phase[] s_fromRestore = [Phase.Restore, Phase.Return, Phase.Prevent];

    // Both legs are trained (PerSide): the article does not name a side, and a physio would keep the
    // two hips balanced; the sore side is the one the pain rule watches.
    public static Exercise StraightLegRaise { get; } = new()
    {
        Id = ExerciseId.StraightLegRaise,
        Name = "Straight leg raise",
        Kind = ExerciseKind.Strength,
        Steps =
        [
            "Lie on your back. Bend one knee with that foot flat; keep the other leg straight.",
            "Tighten the front of the straight leg's thigh and lift the leg until it is level with the bent knee.",
            "Lower it slowly all the way down.",
            "For resistance, add an ankle cuff weight or a band, as your dose says.",
        ],
        DoseText = Dose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Keep your lower back resting on the floor.",
        Phases = s_fromRestore,
        Source = Source,
    };

    public static Exercise SeatedMarching { get; } = new()
    {
        Id = ExerciseId.SeatedMarching,
        Name = "Seated marching",
        Kind = ExerciseKind.Strength,
        Steps =
        [
            "Sit upright near the front of a firm chair with both feet flat.",
            "For resistance, put a loop band round both thighs just above the knees, or a cuff weight on the ankle.",
            "Lift one knee up against the resistance, keeping your back straight: do not lean back.",
            "Lower it slowly, then lift the other knee, like marching.",
        ],
        DoseText = Dose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Lift only a hand's width if higher pinches.",
        Phases = s_fromRestore,
        Source = Source,
    };

    public static Exercise StandingBandHipFlexion { get; } = new()
    {
        Id = ExerciseId.StandingBandHipFlexion,
        Name = "Standing band hip flexion",
        Kind = ExerciseKind.Strength,
        Steps =
        [
            "Tie a loop band to something solid near the floor and stand facing away from it.",
            "Put the loop round one ankle. Stand tall, holding a support if you need to.",
            "Keeping the leg straight, move it forward against the band.",
            "Hold it there for 3 seconds, then let it go back slowly. Do not let the band pull it back.",
        ],
        DoseText = Dose + "; hold 3 seconds at the front",
        PerSide = true,
        HoldSeconds = 3,
        SafetyNote = Safety.StopIfPainIncreases + " Check the band is tied firmly before you start.",
        Phases = s_fromRestore,
        Source = Source,
    };
}
