using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Progression;

namespace IlioCare.Web.Features.Clinician;

/// <summary>A step of an exercise's dose ladder (SPEC §5, §6) as a clinician picks it: a stable code and a label.</summary>
public sealed record DoseStep(ExerciseId Exercise, int Index, Dose? Strength, StretchDose? Stretch)
{
    /// <summary>"2x15-none" for strengthening, "10x0" or "3x20" (count × hold seconds) for a stretch.</summary>
    public string Code => Strength is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Sets}x{d.Reps}-{WireName.Of(d.Resistance)}")
        : string.Create(CultureInfo.InvariantCulture, $"{Stretch!.Value.Count}x{Stretch.Value.HoldSeconds}");

    public string Label => Strength?.ToString() ?? Stretch!.Value.ToString();
}

/// <summary>
/// The doses a clinician may set (F13): only the steps of the exercise's own ladder, from the clinical core
/// (<see cref="Ladder"/>, <see cref="StretchLadder"/>), so a hand-set dose is always one the engine can move on from.
/// Self-massage and the warm-up have no ladder.
/// </summary>
public static class DoseSteps
{
    public static IReadOnlyList<DoseStep> For(ExerciseId id) => ExerciseCatalogue.Get(id).Kind switch
    {
        ExerciseKind.Strength => Ladder.Steps.Select((d, i) => new DoseStep(id, i, d, null)).ToArray(),
        ExerciseKind.Stretch => StretchLadder.Steps(id).Select((d, i) => new DoseStep(id, i, null, d)).ToArray(),
        ExerciseKind.Massage or ExerciseKind.WarmUp => [],
    };

    /// <summary>The exercises with a ladder, in catalogue order.</summary>
    public static IReadOnlyList<ExerciseId> Dosed { get; } = Enum.GetValues<ExerciseId>().Where(id => For(id).Count > 0).ToArray();

    public static DoseStep? Parse(ExerciseId id, string? code) => For(id).FirstOrDefault(s => s.Code == code);

    /// <summary>The step a stored dose is on, or null when it is off the ladder or absent.</summary>
    public static DoseStep? Of(ExerciseId id, Dose? strength, StretchDose? stretch) =>
        For(id).FirstOrDefault(s => (strength is not null && s.Strength == strength) || (stretch is not null && s.Stretch == stretch));
}
