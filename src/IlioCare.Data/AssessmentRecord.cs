using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;

namespace IlioCare.Data;

/// <summary>
/// One self-assessment as it was answered and judged (SPEC §3). Taken without an account it is stored
/// anonymously under a random id (the link is the only key to it) and claimed at sign-up; once it has an
/// owner only that owner can read it.
/// </summary>
public sealed class AssessmentRecord
{
    /// <summary>Random (v4) so the anonymous result link cannot be guessed.</summary>
    public Guid Id { get; set; }
    public string? AccountId { get; set; }
    public DateTime TakenAtUtc { get; set; }
    /// <summary>The SPEC §3 input JSON exactly as the validator accepted it.</summary>
    public required string InputJson { get; set; }
    /// <summary>The SPEC §3 output JSON as shown then: what the patient was told stays what they were told.</summary>
    public required string ResultJson { get; set; }
    public TriageLevel Triage { get; set; }
    public Phase? StartPhase { get; set; }
}
