using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Assessment;

/// <summary>The answer of the self-assessment (SPEC §3 output).</summary>
/// <param name="Triage">The highest level any rule reached.</param>
/// <param name="Reasons">One per rule that fired, highest level first.</param>
/// <param name="Patterns">What the answers look like — never a diagnosis; empty for urgent and emergency.</param>
/// <param name="StartPhase">Where the program starts; null when a doctor must see the patient first.</param>
public sealed record AssessmentResult(
    TriageLevel Triage,
    IReadOnlyList<Finding> Reasons,
    IReadOnlyList<Finding> Patterns,
    Phase? StartPhase,
    string Disclaimer)
{
    /// <summary>True when no exercise may start until a doctor has checked (SPEC §3: startPhase null).</summary>
    public bool SeeDoctorFirst => StartPhase is null;
}
