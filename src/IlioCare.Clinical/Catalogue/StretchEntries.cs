using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// The five stretches. Facts: article, "Stretches and exercises for prevention" (positions; "10 to 15 times
/// on each side"); doses: SPEC §5 (10 → 12 → 15 per side; butterfly 3 holds of 20 → 25 → 30 s); phases: SPEC §4
/// (settle keeps only the two gentlest: lying hip rotation and butterfly).
/// </summary>
internal static class StretchEntries
{
    private const string Source = "Article, \"Stretches and exercises for prevention\"; SPEC §4, §5.";
    private const string RepsDose = "10 → 12 → 15 slow repetitions on each side";
    private static readonly Phase[] s_everyPhase = [Phase.Settle, Phase.Restore, Phase.Return, Phase.Prevent];
    private static readonly Phase[] s_fromRestore = [Phase.Restore, Phase.Return, Phase.Prevent];

    public static Exercise LyingHipRotation { get; } = new()
    {
        Id = ExerciseId.LyingHipRotation,
        Name = "Lying hip rotation",
        Kind = ExerciseKind.Stretch,
        Steps =
        [
            "Lie on your back on the floor with your knees bent and both feet flat.",
            "Rest the ankle of one leg just above the knee of the other.",
            "Slowly let the crossed knee turn out, then bring it back in: a gentle in-and-out turn at the hip.",
            "Finish the repetitions, then swap legs.",
        ],
        DoseText = RepsDose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Stay in a pain-free range; a mild pull is enough.",
        Phases = s_everyPhase,
        Source = Source,
    };

    public static Exercise ButterflyStretch { get; } = new()
    {
        Id = ExerciseId.ButterflyStretch,
        Name = "Butterfly stretch",
        Kind = ExerciseKind.Stretch,
        Steps =
        [
            "Sit tall on the floor and bring the soles of your feet together.",
            "Hold your feet and let both knees sink gently towards the floor. Do not bounce or press them down.",
            "Hold where you feel a mild pull in the groin and inner thigh, breathing calmly, then let go.",
        ],
        DoseText = "3 holds of 20 → 25 → 30 seconds",
        // Both legs stretch at once, so there is no left and right.
        PerSide = false,
        HoldSeconds = 20,
        SafetyNote = Safety.StopIfPainIncreases + " Ease off if the front of the hip pinches.",
        Phases = s_everyPhase,
        Source = Source,
    };

    public static Exercise SideKick { get; } = new()
    {
        Id = ExerciseId.SideKick,
        Name = "Side kick",
        Kind = ExerciseKind.Stretch,
        Steps =
        [
            "Stand tall next to a wall or chair and rest one hand on it for balance.",
            "Keep your body upright and your toes pointing forward, and lift one straight leg out to the side.",
            "Go only as high as is comfortable, then lower the leg slowly.",
            "Finish the repetitions, then do the other leg.",
        ],
        DoseText = RepsDose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Hold on to a support so you do not lose balance.",
        Phases = s_fromRestore,
        Source = Source,
    };

    public static Exercise HipRaise { get; } = new()
    {
        Id = ExerciseId.HipRaise,
        Name = "Hip raise",
        Kind = ExerciseKind.Stretch,
        Steps =
        [
            "Lie on your back with your knees bent and both feet flat on the floor close to your buttocks.",
            "Straighten one leg up in the air, keeping both thighs level with each other.",
            "Press through the foot on the floor to lift your hips, then lower them slowly.",
            "Finish the repetitions, then swap legs.",
        ],
        DoseText = RepsDose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Lift only as high as you can without arching your lower back.",
        Phases = s_fromRestore,
        Source = Source,
    };

    public static Exercise LegRaise { get; } = new()
    {
        Id = ExerciseId.LegRaise,
        Name = "Leg raise on hands and knees",
        Kind = ExerciseKind.Stretch,
        Steps =
        [
            "Kneel on all fours: hands under your shoulders, knees under your hips, back flat.",
            "Lift one leg back and up behind you, the sole of the foot towards the ceiling.",
            "Bring the knee back down to the floor under control.",
            "Finish the repetitions, then change sides.",
        ],
        DoseText = RepsDose,
        PerSide = true,
        SafetyNote = Safety.StopIfPainIncreases + " Keep your back flat; do not swing the leg.",
        Phases = s_fromRestore,
        Source = Source,
    };
}
