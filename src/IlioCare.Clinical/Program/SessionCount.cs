using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Program;

/// <summary>
/// What the player counts for one exercise of today's session (issue 14, "honest logging"): blocks (a set on one
/// side, or one tender spot) of repetitions, holds or strokes. The server and the player count the same way,
/// so "completed" means the same thing on both sides.
/// </summary>
public static class SessionCount
{
    /// <summary>How many blocks: sets × sides for strengthening, sides for a stretch, the spots for massage.</summary>
    public static int Blocks(SessionItem item) => item.Exercise.Kind switch
    {
        ExerciseKind.Strength => item.Strength!.Value.Sets * Sides(item.Exercise),
        ExerciseKind.Stretch => Sides(item.Exercise),
        ExerciseKind.Massage => ExerciseCatalogue.TenderSpots.Count,
        ExerciseKind.WarmUp => 1,
    };

    /// <summary>Repetitions, holds or strokes in each block (the warm-up is one timed block).</summary>
    public static int PerBlock(SessionItem item) => item.Exercise.Kind switch
    {
        ExerciseKind.Strength => item.Strength!.Value.Reps,
        ExerciseKind.Stretch => item.Stretch!.Value.Count,
        ExerciseKind.Massage => ExerciseCatalogue.MassageStrokesPerSpot,
        ExerciseKind.WarmUp => 1,
    };

    /// <summary>Everything today's plan asks for, across all sets, sides and spots.</summary>
    public static int Planned(SessionItem item) => Blocks(item) * PerBlock(item);

    /// <summary>
    /// Completed only when every planned repetition or hold was counted (issue 14; SPEC §6: only completed
    /// sessions move a dose up). Anything less is "partly done", whatever button was pressed.
    /// </summary>
    public static bool IsComplete(int done, int planned) => done >= planned;

    private static int Sides(Exercise exercise) => exercise.PerSide ? 2 : 1;
}
