using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Progression;

/// <summary>
/// The dose ladder of a stretch (SPEC §5): 10 → 12 → 15 repetitions on each side, the butterfly 3 holds of
/// 20 → 25 → 30 seconds. Stretches move on it by the same §6 rules (and pain rule) as strengthening moves on
/// <see cref="Ladder"/>. The article's range: "repeat between 10 to 15 times on each side".
/// </summary>
public static class StretchLadder
{
    private static readonly StretchDose[] s_reps = [new(10, 0), new(12, 0), new(15, 0)];
    private const int ButterflyHolds = 3;
    private static readonly StretchDose[] s_holds = [new(ButterflyHolds, 20), new(ButterflyHolds, 25), new(ButterflyHolds, 30)];

    /// <summary>Every step of a stretch's ladder, floor first; throws for an exercise that is not a stretch.</summary>
    public static IReadOnlyList<StretchDose> Steps(ExerciseId stretch) => stretch switch
    {
        ExerciseId.ButterflyStretch => s_holds,
        ExerciseId.LyingHipRotation or ExerciseId.SideKick or ExerciseId.HipRaise or ExerciseId.LegRaise => s_reps,
        ExerciseId.StraightLegRaise or ExerciseId.SeatedMarching or ExerciseId.StandingBandHipFlexion
            or ExerciseId.SelfMassage or ExerciseId.SportWarmUp =>
            throw new ArgumentOutOfRangeException(nameof(stretch), stretch, "Not a stretch."),
    };

    public static StretchDose Floor(ExerciseId stretch) => Steps(stretch)[0];

    public static StretchDose Top(ExerciseId stretch) => Steps(stretch)[^1];

    /// <summary>The step's position, floor = 0; null when the dose is not a step of this stretch's ladder.</summary>
    public static int? IndexOf(ExerciseId stretch, StretchDose dose)
    {
        var index = Steps(stretch).ToList().IndexOf(dose);
        return index < 0 ? null : index;
    }

    public static bool IsStep(ExerciseId stretch, StretchDose dose) => IndexOf(stretch, dose) is not null;

    /// <summary>One step up; the top stays the top.</summary>
    public static StretchDose StepUp(ExerciseId stretch, StretchDose dose)
    {
        var steps = Steps(stretch);
        return steps[Math.Min(Require(stretch, dose) + 1, steps.Count - 1)];
    }

    /// <summary>One step down; the floor stays the floor.</summary>
    public static StretchDose StepDown(ExerciseId stretch, StretchDose dose) =>
        Steps(stretch)[Math.Max(Require(stretch, dose) - 1, 0)];

    private static int Require(ExerciseId stretch, StretchDose dose) =>
        IndexOf(stretch, dose) ?? throw new ArgumentOutOfRangeException(nameof(dose), dose, $"Not a step of the {stretch} ladder.");
}
