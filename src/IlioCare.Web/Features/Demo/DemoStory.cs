using IlioCare.Clinical.Catalogue;

namespace IlioCare.Web.Features.Demo;

/// <summary>What the demo patient reported on one day: the check-in and how the session went.</summary>
/// <param name="StoppedForPain">The exercise whose "pain went up" button was pressed that day, if any.</param>
internal sealed record DemoDay(int PainMorning, int StiffnessMinutes, int PainNow, int SportMinutes = 0, ExerciseId? StoppedForPain = null);

/// <summary>
/// The demo patient's three weeks, as a patient would report them: only pains, stiffness and one "pain went
/// up". Phases and doses are NOT written here: <see cref="DemoReplay"/> asks the clinical engine each morning,
/// so the story can only show what the rules allow. Read top to bottom: a runner's sore hip calms in settle,
/// moves to restore, the doses climb, seated marching is stopped once for pain (and steps down), and the run
/// of calm days in restore goes on.
/// </summary>
internal static class DemoStory
{
    public const string Email = "demo@iliocare.local";

    /// <summary>Shown in README; a demo account on a demo database, never on a real deployment.</summary>
    public const string Password = "demo-patient-2026";

    /// <summary>Oldest first; the last entry is yesterday (today is left for the visitor to check in).</summary>
    public static IReadOnlyList<DemoDay> Days { get; } =
    [
        new(5, 45, 5), new(4, 35, 4),                                   // settle: still sore and stiff
        new(3, 25, 3), new(3, 20, 3), new(2, 15, 2),                    // 3 calm days in a row → restore
        new(2, 15, 2), new(2, 10, 2), new(2, 10, 2), new(2, 10, 2),     // restore: doses start climbing
        new(2, 10, 2), new(2, 10, 2), new(2, 5, 2),
        new(2, 5, 2, StoppedForPain: ExerciseId.SeatedMarching),        // "pain went up" in seated marching
        new(2, 5, 2), new(2, 5, 1), new(1, 5, 1), new(1, 5, 1),         // it steps down, the rest go on
        new(1, 0, 1), new(1, 0, 1), new(1, 0, 1), new(1, 0, 1),
    ];
}
