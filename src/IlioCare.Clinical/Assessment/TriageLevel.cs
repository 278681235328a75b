namespace IlioCare.Clinical.Assessment;

/// <summary>How soon to see a doctor (SPEC §3). Declared lowest first so levels compare: the result is the highest that any rule reaches.</summary>
public enum TriageLevel
{
    /// <summary>Self-care with the program.</summary>
    SelfCare,
    /// <summary>Book a doctor or physio visit; self-care meanwhile.</summary>
    Routine,
    /// <summary>See a doctor within 24 hours; no exercise until then.</summary>
    Urgent,
    /// <summary>Go to emergency care now.</summary>
    Emergency,
}
