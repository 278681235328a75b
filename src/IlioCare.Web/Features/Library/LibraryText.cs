using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Web.Features.Library;

/// <summary>The words the library pages put round the catalogue's own text (SPEC §5, F6).</summary>
internal static class LibraryText
{
    /// <summary>The groups of the library, in the order a patient meets them in a session's explanation.</summary>
    public static IReadOnlyList<ExerciseKind> Kinds { get; } =
        [ExerciseKind.Stretch, ExerciseKind.Strength, ExerciseKind.Massage, ExerciseKind.WarmUp];

    public static string KindName(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => "Stretches",
        ExerciseKind.Strength => "Strengthening",
        ExerciseKind.Massage => "Massage",
        ExerciseKind.WarmUp => "Warm-up",
    };

    public static string KindIntro(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => "Gentle, slow and pain-free. The dose rises step by step after good sessions.",
        ExerciseKind.Strength => "Once a day from restore on. Sets, repetitions and then resistance rise step by step.",
        ExerciseKind.Massage => "Finger technique on the tender spots, in settle; left out after the massage safety check.",
        ExerciseKind.WarmUp => "Before any sport session.",
    };

    public static string Side(Exercise exercise) => exercise.PerSide
        ? "Each side: first one leg, then the other."
        : exercise.Kind == ExerciseKind.Massage ? "The sore side." : "Both sides at once.";

    public static string? Hold(Exercise exercise) => exercise.HoldSeconds switch
    {
        null => null,
        var s when exercise.Kind == ExerciseKind.Stretch && StretchLadder.Top(exercise.Id).HoldSeconds > s =>
            $"{s} seconds at the start, rising to {StretchLadder.Top(exercise.Id).HoldSeconds} seconds.",
        var s => $"{s} seconds.",
    };

    public static string Phases(Exercise exercise) => string.Join(", ", exercise.Phases.Select(p => WireName.Of(p)));

    public static string Url(ExerciseId id) => $"/library/{WireName.Of(id)}";

    public static string PhaseName(Phase phase) => WireName.Of(phase);
}
