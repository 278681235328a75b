namespace IlioCare.Clinical.Progression;

/// <summary>
/// The dose ladder of a strengthening exercise (SPEC §6): 2×15 → 2×20 → 3×15 → 3×20, then the next
/// resistance at 2×15, from 2×15 none (the floor) to 3×20 heavy (the top). The article gives the range:
/// "15 to 20 repetitions. Two or three sets can be done once a day."
/// </summary>
public static class Ladder
{
    private static readonly (int Sets, int Reps)[] s_volumes = [(2, 15), (2, 20), (3, 15), (3, 20)];

    /// <summary>Every step, floor first.</summary>
    public static IReadOnlyList<Dose> Steps { get; } =
        Enum.GetValues<Resistance>()
            .SelectMany(r => s_volumes.Select(v => new Dose(v.Sets, v.Reps, r)))
            .ToArray();

    public static Dose Floor => Steps[0];
    public static Dose Top => Steps[^1];

    /// <summary>The step's position, floor = 0; null when the dose is not a step of the ladder.</summary>
    public static int? IndexOf(Dose dose)
    {
        var volume = Array.IndexOf(s_volumes, (dose.Sets, dose.Reps));
        if (volume < 0 || !Enum.IsDefined(dose.Resistance)) return null;
        return (int)dose.Resistance * s_volumes.Length + volume;
    }

    public static bool IsStep(Dose dose) => IndexOf(dose) is not null;

    /// <summary>One step up; the top stays the top.</summary>
    public static Dose StepUp(Dose dose) => Steps[Math.Min(Require(dose) + 1, Steps.Count - 1)];

    /// <summary>One step down; the floor stays the floor.</summary>
    public static Dose StepDown(Dose dose) => Steps[Math.Max(Require(dose) - 1, 0)];

    private static int Require(Dose dose) =>
        IndexOf(dose) ?? throw new ArgumentOutOfRangeException(nameof(dose), dose, "Not a step of the strengthening ladder.");
}
