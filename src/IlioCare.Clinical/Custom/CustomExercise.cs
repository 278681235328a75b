using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Custom;

/// <summary>How a clinician's own exercise is dosed (issue 15): repetitions × sets, holds × seconds, or minutes.</summary>
public enum CustomDoseType { Repetitions, Holds, Minutes }

/// <summary>Which side a clinician's own exercise is done on.</summary>
public enum CustomSides { EachSide, LeftOnly, RightOnly, NoSide }

/// <summary>
/// The fixed dose of a clinician's own exercise. It has no ladder (issue 15: "the engine never progresses it"), so
/// it changes only when the clinician writes a new one. Only the numbers of its <see cref="Type"/> are set.
/// </summary>
public sealed record CustomDose(CustomDoseType Type, int? Sets = null, int? Reps = null, int? Holds = null, int? Seconds = null, int? Minutes = null)
{
    /// <summary>What the patient reads: "2 sets of 10", "3 holds of 30 seconds", "10 minutes".</summary>
    public string Text => Type switch
    {
        CustomDoseType.Repetitions => $"{Sets} {(Sets == 1 ? "set" : "sets")} of {Reps}",
        CustomDoseType.Holds => $"{Holds} {(Holds == 1 ? "hold" : "holds")} of {Seconds} seconds",
        CustomDoseType.Minutes => $"{Minutes} {(Minutes == 1 ? "minute" : "minutes")}",
    };
}

/// <summary>
/// A clinician's own exercise (issue 15), as written: the steps and safety note are plain text the patient reads.
/// <see cref="Weekdays"/> empty means daily. <see cref="Illustration"/> borrows the drawings of a catalogue exercise.
/// </summary>
public sealed record CustomExerciseDefinition(string Name, string Steps, string SafetyNote, CustomDose Dose, CustomSides Sides,
    IReadOnlySet<DayOfWeek> Weekdays, ExerciseId? Illustration)
{
    public bool Daily => Weekdays.Count == 0 || Weekdays.Count == 7;

    /// <summary>Whether it is on the plan of <paramref name="day"/> (daily, or one of its chosen weekdays).</summary>
    public bool IsOn(DateOnly day) => Daily || Weekdays.Contains(day.DayOfWeek);

    /// <summary>The steps, one a line, blank lines left out.</summary>
    public IReadOnlyList<string> StepList => CustomExerciseRules.StepsOf(Steps);

    public string SidesText => CustomExerciseRules.SidesText(Sides);

    public string FrequencyText => CustomExerciseRules.FrequencyText(Weekdays);
}

/// <summary>
/// The rules of a clinician's own exercise (issue 15). Limits are our choice (SPEC is silent): wide enough for any
/// home exercise a physiotherapist writes, narrow enough that a typo (100 sets) is caught.
/// </summary>
public static class CustomExerciseRules
{
    public const int NameLength = 80;
    public const int StepsLength = 2000;
    public const int SafetyNoteLength = 500;
    public const int MaxSets = 10, MaxReps = 50, MaxHolds = 20, MinSeconds = 5, MaxSeconds = 300, MaxMinutes = 60;

    /// <summary>
    /// Whether a session of a custom exercise counts as a stop for the flare rule and the caseload (issue 15: "a stop or
    /// a pain rise on it counts toward a flare", SPEC §4 "a second stop within 7 days"). A catalogue exercise's pain
    /// rise without the button steps its own dose down instead (§6); a custom exercise has no ladder to absorb it, so the
    /// rise itself, judged by the patient's pain rule (§6: strict = any rise, monitoring = above 5), is the stop.
    /// </summary>
    public static bool CountsAsStop(bool stoppedForPain, int painBefore, int painDuring, PainRule rule) =>
        stoppedForPain || new ExerciseSession<int>(default, 0, true, false, 0, painBefore, painDuring, null).PainRoseDuring(rule);

    /// <summary>Checks a definition's text and numbers; every bad field is named (the same names in the API and the pages).</summary>
    public static (CustomExerciseDefinition? Value, IReadOnlyList<FieldError> Errors) Create(string? name, string? steps, string? safetyNote,
        CustomDoseType? type, int? sets, int? reps, int? holds, int? seconds, int? minutes, CustomSides? sides,
        IReadOnlySet<DayOfWeek>? weekdays, ExerciseId? illustration)
    {
        var errors = new List<FieldError>();
        name = Text(name, "name", NameLength, errors);
        steps = Text(steps, "steps", StepsLength, errors);
        safetyNote = Text(safetyNote, "safetyNote", SafetyNoteLength, errors);
        if (type is null) errors.Add(new("dose.type", $"must be one of {string.Join(", ", WireName.All<CustomDoseType>())}") { Rule = new(FieldRuleCode.NotAChoice) });
        if (type == CustomDoseType.Repetitions)
        {
            Range(sets, "dose.sets", 1, MaxSets, errors);
            Range(reps, "dose.reps", 1, MaxReps, errors);
        }
        if (type == CustomDoseType.Holds)
        {
            Range(holds, "dose.holds", 1, MaxHolds, errors);
            Range(seconds, "dose.seconds", MinSeconds, MaxSeconds, errors);
        }
        if (type == CustomDoseType.Minutes) Range(minutes, "dose.minutes", 1, MaxMinutes, errors);
        if (sides is null) errors.Add(new("sides", $"must be one of {string.Join(", ", WireName.All<CustomSides>())}") { Rule = new(FieldRuleCode.NotAChoice) });
        if (weekdays is null) errors.Add(new("weekdays", "choose at least one day, or daily") { Rule = new(FieldRuleCode.NotAChoice) });
        if (errors.Count > 0) return (null, errors);
        var dose = type switch
        {
            CustomDoseType.Repetitions => new CustomDose(CustomDoseType.Repetitions, Sets: sets, Reps: reps),
            CustomDoseType.Holds => new CustomDose(CustomDoseType.Holds, Holds: holds, Seconds: seconds),
            _ => new CustomDose(CustomDoseType.Minutes, Minutes: minutes),
        };
        // Every day chosen is daily: one spelling, so the plan and the exports say "daily".
        var days = weekdays!.Count == 7 ? new HashSet<DayOfWeek>() : weekdays.ToHashSet();
        return (new CustomExerciseDefinition(name!, steps!, safetyNote!, dose, sides!.Value, days, illustration), errors);
    }

    private static string? Text(string? text, string field, int max, List<FieldError> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(new(field, "must not be empty") { Rule = new(FieldRuleCode.Empty) });
        else if (trimmed.Length > max) errors.Add(new(field, $"must be at most {max} characters, not {trimmed.Length}") { Rule = new(FieldRuleCode.TooLong, Max: max, Given: trimmed.Length) });
        else return trimmed;
        return null;
    }

    private static void Range(int? value, string field, int min, int max, List<FieldError> errors)
    {
        if (value is null || value < min || value > max)
            errors.Add(new(field, $"must be a whole number from {min} to {max}") { Rule = new(FieldRuleCode.OutOfRange, min, max) });
    }

    public static IReadOnlyList<string> StepsOf(string steps) =>
        steps.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// What the player must count for the session to be complete (issue 14, honest logging; SPEC §6 "completed"):
    /// every repetition or hold, on each side it names; a timed exercise is one block. The same arithmetic as
    /// <see cref="Program.SessionCount"/> for a catalogue exercise.
    /// </summary>
    public static int PlannedCount(CustomDose dose, CustomSides sides)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var perSide = sides == CustomSides.EachSide ? 2 : 1;
        return dose.Type switch
        {
            CustomDoseType.Repetitions => (dose.Sets ?? 1) * (dose.Reps ?? 1) * perSide,
            CustomDoseType.Holds => (dose.Holds ?? 1) * perSide,
            CustomDoseType.Minutes => 1,
        };
    }

    public static string SidesText(CustomSides sides) => sides switch
    {
        CustomSides.EachSide => "on each side (left first, then right)",
        CustomSides.LeftOnly => "on the left side only",
        CustomSides.RightOnly => "on the right side only",
        CustomSides.NoSide => "",
    };

    /// <summary>"Every day", or "On Monday, Wednesday and Friday" (Monday first).</summary>
    public static string FrequencyText(IReadOnlySet<DayOfWeek> weekdays)
    {
        if (weekdays.Count is 0 or 7) return "Every day";
        var names = weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d)).ToArray();
        return "On " + (names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1]);
    }
}
