using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// One entry of the exercise library (SPEC §5, F6): what a patient reads before doing the exercise and
/// what the session player needs to count it. Steps are written in our own words from the article's facts.
/// </summary>
public sealed record Exercise
{
    public required ExerciseId Id { get; init; }

    /// <summary>The name a patient reads ("Butterfly stretch").</summary>
    public required string Name { get; init; }

    public required ExerciseKind Kind { get; init; }

    /// <summary>Plain-language steps, in order.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>The dose and its range, in words ("10 → 12 → 15 slow repetitions on each side").</summary>
    public required string DoseText { get; init; }

    /// <summary>True when it is done on the left and then on the right (the player counts each side).</summary>
    public required bool PerSide { get; init; }

    /// <summary>
    /// Seconds each repetition is held, at the starting dose; null when nothing is held. The butterfly's hold
    /// grows with its ladder (20 → 25 → 30 s, see <see cref="Progression.StretchLadder"/>).
    /// </summary>
    public int? HoldSeconds { get; init; }

    /// <summary>What to watch for; every entry carries the article's "stop if … increased pain".</summary>
    public required string SafetyNote { get; init; }

    /// <summary>The phases whose sessions include it (SPEC §4), in phase order.</summary>
    public required IReadOnlyList<Phase> Phases { get; init; }

    /// <summary>Where its facts come from (article section, SPEC §).</summary>
    public required string Source { get; init; }
}
