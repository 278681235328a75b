using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Caseload;

/// <summary>One check-in as the caseload reads it (F13).</summary>
/// <param name="Date">The patient's local day.</param>
/// <param name="PainNow">Pain now, 0–10.</param>
/// <param name="WarningSigns">Warning signs new since the last check-in (F3).</param>
/// <param name="Flare">The morning review judged it a flare (SPEC §4).</param>
/// <param name="SavedAtUtc">When it was last saved: a re-saved check-in is new evidence.</param>
/// <param name="StopsForPain">Exercises stopped with "pain went up" that day (for the flare's reason).</param>
public sealed record CheckInFact(DateOnly Date, int PainNow, IReadOnlyCollection<WarningSign> WarningSigns, bool Flare, DateTime SavedAtUtc, int StopsForPain = 0);

/// <summary>An exercise stopped because pain went up (F7, SPEC §6 stop).</summary>
/// <param name="LogId">The stored log's id: a new stop is a new id, which makes the alert rise again.</param>
/// <remarks>
/// A stop on a clinician's own exercise (issue 15) sets <see cref="CustomName"/>; its <see cref="Exercise"/> is then
/// meaningless, and its <see cref="LogId"/> is the custom log's id, kept apart in the evidence key ("stop:custom:").
/// </remarks>
public sealed record StopFact(long LogId, DateOnly Date, ExerciseId Exercise)
{
    /// <summary>The name of the clinician's own exercise that was stopped; null for a catalogue exercise.</summary>
    public string? CustomName { get; init; }

    public static StopFact Custom(long logId, DateOnly date, string name) => new(logId, date, default) { CustomName = name };
}

/// <summary>
/// What the caseload needs to know about one patient to compute the alerts (F13). The host reads it from
/// the stored rows for the whole caseload at once; the rule itself reads no clock and no database.
/// </summary>
public sealed record PatientFacts
{
    /// <summary>Today in the patient's time zone (SPEC §4 counts calendar days there).</summary>
    public required DateOnly Today { get; init; }
    /// <summary>Recent check-ins, any order: at least those of the last 7 days and the 3 before them.</summary>
    public IReadOnlyList<CheckInFact> CheckIns { get; init; } = [];
    /// <summary>The program is paused for a warning sign now (F3).</summary>
    public bool PausedForWarningSign { get; init; }
    /// <summary>The day the state in force now began (for a pause's reason when its check-in is out of reach).</summary>
    public DateOnly? StateSince { get; init; }
    /// <summary>Stops of the last 7 days (older ones are ignored).</summary>
    public IReadOnlyList<StopFact> Stops { get; init; } = [];
    /// <summary>The first day of the program (onboarding): no check-in can be missed before it.</summary>
    public DateOnly? ProgramStart { get; init; }
    /// <summary>A holiday or illness pause (F8) covers today or yesterday: no check-in is expected.</summary>
    public bool OnPause { get; init; }
}

/// <summary>
/// One reason a patient needs attention (F13). <paramref name="EvidenceKey"/> names the evidence behind it:
/// an acknowledgement holds for that key only, so something new raises the alert again.
/// </summary>
/// <param name="On">The day of the evidence (ties in the caseload go to the newest).</param>
public sealed record Alert(AlertKind Kind, string Reason, string EvidenceKey, DateOnly On)
{
    /// <summary>The alert with its reason's code and parts (issue 16); <see cref="Reason"/> is its English text.</summary>
    public Alert(AlertKind kind, AlertReason why, string evidenceKey, DateOnly on) : this(kind, why.Text, evidenceKey, on) => Why = why;

    /// <summary>The reason as a code and parts, for a page to word in the reader's language; null only for an alert built from text alone.</summary>
    public AlertReason? Why { get; init; }
}

/// <summary>An alert and whether this clinician acknowledged its evidence.</summary>
public sealed record AlertStatus(Alert Alert, bool Acknowledged);
