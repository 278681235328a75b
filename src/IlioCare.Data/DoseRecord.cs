using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Data;

/// <summary>
/// A dose of one exercise from a local date on, with the decision and reason that set it (F9). The dose
/// in force on day D is the latest record with <see cref="EffectiveFrom"/> ≤ D; the morning review of day
/// D writes (or, after an edited check-in, rewrites) the record of D, judged from the dose before D — so
/// editing a check-in never moves a dose twice. The history is the "dose over time" chart (F11).
/// </summary>
public sealed class DoseRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public ExerciseId Exercise { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int? Sets { get; set; }
    public int? Reps { get; set; }
    public Resistance? Resistance { get; set; }
    public int? Count { get; set; }
    public int? HoldSeconds { get; set; }
    public ProgressionAction Action { get; set; }
    /// <summary>The plain-language reason shown with today's dose.</summary>
    public required string Reason { get; set; }
    /// <summary>"engine", or the clinician's account id when a clinician set it by hand (F13).</summary>
    public required string SetBy { get; set; }
    /// <summary>The clinician's note to the patient when a clinician set the dose (F13); null from the engine.</summary>
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
