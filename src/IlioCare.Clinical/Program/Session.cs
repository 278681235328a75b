using System.Collections.Frozen;
using System.Collections.ObjectModel;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>Why there is no program today, if there is none.</summary>
public enum ProgramPause
{
    None,
    /// <summary>A warning sign paused the program (F3): no exercise until a doctor has checked it.</summary>
    WarningSign,
    /// <summary>The patient paused for a holiday or illness (F8).</summary>
    HolidayOrIllness,
}

/// <summary>What today's session is built from (SPEC §4, §5, F18).</summary>
/// <param name="Phase">The current phase.</param>
/// <param name="Date">Today, in the patient's time zone; in prevent its weekday picks the exercises.</param>
public sealed record SessionRequest(Phase Phase, DateOnly Date)
{
    public ProgramPause Pause { get; init; }

    /// <summary>The patient plans sport today: the warm-up comes first (SPEC §5: "before any sport").</summary>
    public bool SportDay { get; init; }

    /// <summary>The massage safety check (F18) removed self-massage.</summary>
    public bool MassageExcluded { get; init; }

    /// <summary>Exercises a clinician left out of this patient's program (F5, F13).</summary>
    public IReadOnlySet<ExerciseId> ExcludedByClinician { get; init; } = FrozenSet<ExerciseId>.Empty;

    /// <summary>Current step of each strengthening exercise (SPEC §6); a missing one starts at the floor.</summary>
    public IReadOnlyDictionary<ExerciseId, Dose> StrengthDoses { get; init; } = ReadOnlyDictionary<ExerciseId, Dose>.Empty;

    /// <summary>Current step of each stretch (SPEC §5); a missing one starts at the floor.</summary>
    public IReadOnlyDictionary<ExerciseId, StretchDose> StretchDoses { get; init; } = ReadOnlyDictionary<ExerciseId, StretchDose>.Empty;

    /// <summary>The progression engine's latest reason per exercise (SPEC §6), shown as the reason for today's dose.</summary>
    public IReadOnlyDictionary<ExerciseId, string> DoseReasons { get; init; } = ReadOnlyDictionary<ExerciseId, string>.Empty;
}

/// <summary>One exercise of today's session, in the order it is done.</summary>
/// <param name="Exercise">The catalogue entry (steps, side, hold, safety note).</param>
/// <param name="DoseText">Today's dose in words ("2×15, light resistance", "3 holds of 25 seconds").</param>
/// <param name="Reason">Why today's dose is what it is.</param>
public sealed record SessionItem(Exercise Exercise, string DoseText, string Reason)
{
    /// <summary>Today's step, for a strengthening exercise.</summary>
    public Dose? Strength { get; init; }

    /// <summary>Today's step, for a stretch.</summary>
    public StretchDose? Stretch { get; init; }
}

/// <summary>Today's session: the exercises in order and why the day looks like this.</summary>
public sealed record Session(DateOnly Date, Phase Phase, IReadOnlyList<SessionItem> Items, string Reason);
