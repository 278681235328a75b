using IlioCare.Clinical.Program;

namespace IlioCare.Data;

/// <summary>
/// The program's state from a local date on (SPEC §4, F3): phase, the first day that counts, whether a
/// warning sign paused it, and the move and reason that led here. The state in force on day D is the
/// latest record with <see cref="EffectiveOn"/> ≤ D; onboarding writes the first, the morning review of day
/// D writes (or rewrites) the record of D when something changed, a clinician's change (F13) writes one too.
/// </summary>
public sealed class ProgramStateRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public Phase Phase { get; set; }
    public DateOnly CountsFrom { get; set; }
    public bool PausedForWarningSign { get; set; }
    public PhaseMove Move { get; set; }
    public required string Reason { get; set; }
    /// <summary>"onboarding", "engine", "patient" (resume) or the clinician's account id.</summary>
    public required string SetBy { get; set; }
    /// <summary>The clinician's note to the patient when a clinician set the phase (F13).</summary>
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    public ProgramState ToState() => new(Phase, CountsFrom, PausedForWarningSign);
}
