using IlioCare.Clinical.Assessment;

namespace IlioCare.Data;

/// <summary>
/// One day's check-in (F8), one per patient per local date, editable until that day ends in the patient's
/// time zone. What the engine needs comes from here (<c>ToCheckIn</c> in the check-in feature).
/// </summary>
public sealed class CheckInRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    /// <summary>The patient's own calendar day (SPEC §4 counts days in the patient's time zone).</summary>
    public DateOnly Date { get; set; }
    public int PainMorning { get; set; }
    public int StiffnessMinutes { get; set; }
    public int PainNow { get; set; }
    /// <summary>Warning signs new since the last check-in (SPEC §3 check-in list, F3); any one pauses the program.</summary>
    public IReadOnlySet<WarningSign> WarningSigns { get; set; } = new HashSet<WarningSign>();
    /// <summary>
    /// The signs of this check-in a resume has covered (F3: a new assessment without warning signs and the patient's
    /// word that a doctor has checked them): they no longer pause the program (SafetyNet). Written only by the resume;
    /// editing the check-in keeps it, so a sign added after the resume is not covered and pauses again.
    /// </summary>
    public IReadOnlySet<WarningSign> WarningSignsChecked { get; set; } = new HashSet<WarningSign>();
    /// <summary>Sport minutes that day by activity (F8; SPEC §7 sums them by week).</summary>
    public IReadOnlyDictionary<Activity, int> SportMinutes { get; set; } = new Dictionary<Activity, int>();
    /// <summary>The 10-hop test on the sore leg, asked once restore's rest holds (SPEC §4): null when not asked.</summary>
    public bool? HopTestPainFree { get; set; }
    /// <summary>The morning review found a flare (SPEC §4); the load weeks (§7) and the caseload (F13) read it.</summary>
    public bool Flare { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public int TotalSportMinutes => SportMinutes.Values.Sum();
}
