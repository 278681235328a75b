using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// The exercise library (SPEC §5, F6) as data: one <see cref="Exercise"/> per <see cref="ExerciseId"/>.
/// The switch in <see cref="Get"/> has no discard arm, so a new id cannot compile without its entry.
/// </summary>
public static class ExerciseCatalogue
{
    /// <summary>Strokes on each tender spot (article, "Self massage": "15 slow and very short strokes").</summary>
    public const int MassageStrokesPerSpot = 15;

    /// <summary>Warm-up length. Our choice: the article gives none; ten minutes is a common, short warm-up.</summary>
    public const int WarmUpMinutes = 10;

    /// <summary>Hold at the front of the standing band hip flexion (article: "Hold … for three seconds").</summary>
    public const int BandHoldSeconds = 3;

    /// <summary>The tender spots worked top-down, as a to-do list (SPEC §5; article, "Self massage").</summary>
    public static IReadOnlyList<TenderSpot> TenderSpots { get; } =
        [TenderSpot.NearNavel, TenderSpot.FrontOfPelvis, TenderSpot.AboveTendon];

    /// <summary>Every entry, in <see cref="ExerciseId"/> order: stretches, strengthening, massage, warm-up.</summary>
    public static IReadOnlyList<Exercise> All => field ??= Enum.GetValues<ExerciseId>().Select(Get).ToArray();

    /// <summary>The five stretches, in the article's order.</summary>
    public static IReadOnlyList<ExerciseId> Stretches => field ??= OfKind(ExerciseKind.Stretch);

    /// <summary>The three strengthening exercises, in the article's order.</summary>
    public static IReadOnlyList<ExerciseId> Strengthening => field ??= OfKind(ExerciseKind.Strength);

    public static Exercise Get(ExerciseId id) => id switch
    {
        ExerciseId.LyingHipRotation => StretchEntries.LyingHipRotation,
        ExerciseId.ButterflyStretch => StretchEntries.ButterflyStretch,
        ExerciseId.SideKick => StretchEntries.SideKick,
        ExerciseId.HipRaise => StretchEntries.HipRaise,
        ExerciseId.LegRaise => StretchEntries.LegRaise,
        ExerciseId.StraightLegRaise => StrengthEntries.StraightLegRaise,
        ExerciseId.SeatedMarching => StrengthEntries.SeatedMarching,
        ExerciseId.StandingBandHipFlexion => StrengthEntries.StandingBandHipFlexion,
        ExerciseId.SelfMassage => CareEntries.SelfMassage,
        ExerciseId.SportWarmUp => CareEntries.SportWarmUp,
    };

    /// <summary>The entries a phase's sessions draw from (SPEC §4), in catalogue order.</summary>
    public static IReadOnlyList<Exercise> ForPhase(Phase phase) => All.Where(e => e.Phases.Contains(phase)).ToArray();

    /// <summary>Where a tender spot is, in the words a patient reads.</summary>
    public static string Describe(TenderSpot spot) => spot switch
    {
        TenderSpot.NearNavel => "Near the navel",
        TenderSpot.FrontOfPelvis => "Lower third of the muscle, on the outside of the front of the pelvis",
        TenderSpot.AboveTendon => "Lowest part, just above where the muscle becomes its tendon",
    };

    private static ExerciseId[] OfKind(ExerciseKind kind) =>
        Enum.GetValues<ExerciseId>().Where(id => Get(id).Kind == kind).ToArray();
}
