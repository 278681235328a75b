using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Custom;

namespace IlioCare.Data;

/// <summary>
/// A clinician's own exercise (issue 15). Two kinds of row: a library exercise (<see cref="PatientId"/> null) belongs to
/// its author and stays with them; a patient's exercise (<see cref="PatientId"/> set) belongs to the patient's record and
/// goes with the patient's account. Adding a library exercise to a program copies it (<see cref="CopiedFromId"/>): the
/// patient's plan never changes behind their back when the clinician later edits the library, another clinician linked to
/// the patient reads the copy without reading the author's library, and deleting the patient leaves the library alone.
/// </summary>
public sealed class CustomExerciseRecord
{
    public long Id { get; set; }
    /// <summary>The clinician who wrote it (no foreign key: a patient's copy outlives its author's account, as treatments do).</summary>
    public required string AuthorId { get; set; }
    /// <summary>The patient whose program it is in; null for a library exercise.</summary>
    public string? PatientId { get; set; }
    /// <summary>The library exercise it was copied from (history only; the copy never follows it).</summary>
    public long? CopiedFromId { get; set; }
    public required string Name { get; set; }
    public required string Steps { get; set; }
    public required string SafetyNote { get; set; }
    public CustomDoseType DoseType { get; set; }
    public int? Sets { get; set; }
    public int? Reps { get; set; }
    public int? Holds { get; set; }
    public int? Seconds { get; set; }
    public int? Minutes { get; set; }
    public CustomSides Sides { get; set; }
    /// <summary>The chosen weekdays; empty = daily.</summary>
    public IReadOnlySet<DayOfWeek> Weekdays { get; set; } = new HashSet<DayOfWeek>();
    /// <summary>The catalogue exercise whose drawings illustrate it, if any.</summary>
    public ExerciseId? Illustration { get; set; }
    /// <summary>A patient's exercise taken out of the program stays (its logs are history) but is no longer planned.</summary>
    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public CustomExerciseDefinition Definition => new(Name, Steps, SafetyNote,
        new CustomDose(DoseType, Sets, Reps, Holds, Seconds, Minutes), Sides, Weekdays, Illustration);

    public void Set(CustomExerciseDefinition d)
    {
        (Name, Steps, SafetyNote, Sides, Illustration) = (d.Name, d.Steps, d.SafetyNote, d.Sides, d.Illustration);
        (DoseType, Sets, Reps, Holds, Seconds, Minutes) = (d.Dose.Type, d.Dose.Sets, d.Dose.Reps, d.Dose.Holds, d.Dose.Seconds, d.Dose.Minutes);
        Weekdays = d.Weekdays.ToHashSet();
    }
}

/// <summary>
/// What the player recorded for a clinician's own exercise on one day (issue 15): the same honest log as
/// <see cref="ExerciseLogRecord"/>, one per exercise per local date, kept apart so no progression rule ever reads it.
/// </summary>
public sealed class CustomExerciseLogRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public long CustomExerciseId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The dose asked for that day (the exercise's fixed dose then), even when stopped part-way.</summary>
    public CustomDoseType DoseType { get; set; }
    public int? Sets { get; set; }
    public int? Reps { get; set; }
    public int? Holds { get; set; }
    public int? Seconds { get; set; }
    public int? Minutes { get; set; }
    public bool Completed { get; set; }
    /// <summary>The "pain went up" button; once pressed it stays for the day (as ExerciseLogRecord, H103).</summary>
    public bool StoppedForPain { get; set; }
    /// <summary>Pain during rose under the patient's pain rule at the time of saving (CustomExerciseRules.CountsAsStop).</summary>
    public bool PainRose { get; set; }
    public int PainBefore { get; set; }
    public int PainDuring { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>A stop for the flare rule and the caseload (issue 15).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CountsAsStop => StoppedForPain || PainRose;
}
