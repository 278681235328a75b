namespace IlioCare.Clinical.Program;

/// <summary>
/// Where a patient's program stands: the phase, the first day that counts towards its next move, and
/// whether a warning sign has paused it (F3).
/// </summary>
/// <param name="Phase">The current phase (SPEC §4).</param>
/// <param name="CountsFrom">
/// The first calendar day whose check-in counts towards the next move. Every count restarts at a phase
/// change (SPEC §4) and after a painful hop test; the day of the change belongs to what came before, so the
/// new count starts the next day.
/// </param>
/// <param name="PausedForWarningSign">True from a warning sign until <see cref="PhaseMoves.Resume"/> (F3).</param>
public sealed record ProgramState(Phase Phase, DateOnly CountsFrom, bool PausedForWarningSign = false)
{
    /// <summary>
    /// The state after a phase is set on <paramref name="day"/> — by the assessment's start phase, by a
    /// clinician (SPEC §4: "the engine continues from there") or by a move. A warning-sign pause survives a
    /// clinician's change: only <see cref="PhaseMoves.Resume"/> lifts it (F3).
    /// </summary>
    public static ProgramState SetOn(Phase phase, DateOnly day, bool pausedForWarningSign = false) =>
        new(phase, day.AddDays(1), pausedForWarningSign);
}
