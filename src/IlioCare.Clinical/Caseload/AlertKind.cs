namespace IlioCare.Clinical.Caseload;

/// <summary>
/// Why a patient needs a clinician's attention (SPEC F13), declared in the order of need the caseload
/// sorts by: warning sign &gt; pain now ≥ 7 &gt; flare (§4) &gt; a stop in the last 7 days &gt; no check-in
/// yesterday or today. The declaration order is the ranking: do not reorder.
/// </summary>
public enum AlertKind
{
    /// <summary>A §3 urgent/emergency warning sign in a check-in, or the program paused for one (F3).</summary>
    WarningSign,
    /// <summary>Pain now ≥ 7 in the latest check-in (SPEC F13; the same 7 that makes a flare in §4).</summary>
    SeverePain,
    /// <summary>A check-in the morning review judged a flare (SPEC §4) in the last 7 days.</summary>
    Flare,
    /// <summary>An exercise stopped because pain went up (F7, §6 "stop") in the last 7 days.</summary>
    Stop,
    /// <summary>No check-in yesterday or today, in the patient's time zone.</summary>
    MissedCheckIn,
}
