using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Custom;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>The "write an exercise" form as posted (issue 15): numbers as typed, so a bad value comes back with its message.</summary>
public class CustomExerciseForm
{
    public const string Daily = "daily";
    public const string ChosenDays = "weekdays";

    public string? Name { get; set; }
    public string? Steps { get; set; }
    /// <summary>The suggested safety note, in the writer's language: the page sets it from <see cref="DefaultSafetyNote"/>.</summary>
    public string? SafetyNote { get; set; } = "Stop if the pain goes up while you do it.";
    public string? DoseType { get; set; }
    public string? Sets { get; set; }
    public string? Reps { get; set; }
    public string? Holds { get; set; }
    public string? Seconds { get; set; }
    public string? Minutes { get; set; }
    public string? Sides { get; set; }
    public string? Frequency { get; set; } = Daily;
    public string[] Weekdays { get; set => field = value ?? []; } = [];
    public string? Illustration { get; set; }

    /// <summary>The label of each field, for the error summary (pages show labels, the API the JSON names).</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        ["name"] = "Name", ["steps"] = "Steps", ["safetyNote"] = "Safety note", ["doseType"] = "Dose type", ["sets"] = "Sets",
        ["reps"] = "Repetitions in each set", ["holds"] = "Holds", ["seconds"] = "Seconds each hold", ["minutes"] = "Minutes",
        ["sides"] = "Sides", ["weekdays"] = "Days", ["illustration"] = "Drawing", ["library"] = "From your library",
    };

    /// <summary>The safety note a new exercise starts with, in the writer's language.</summary>
    public static string DefaultSafetyNote(IStringLocalizer<CustomExerciseFields> L) => L["Stop if the pain goes up while you do it."];

    /// <summary>The definition, or a message for every bad field (keyed by the form's field names), in the reader's language.</summary>
    public (CustomExerciseDefinition? Value, List<(string Field, string Message)> Errors) Check(IStringLocalizer<CustomExerciseFields> L)
    {
        var errors = new List<(string, string)>();
        CustomDoseType? type = WireName.TryParse<CustomDoseType>(DoseType, out var t) ? t : null;
        CustomSides? sides = WireName.TryParse<CustomSides>(Sides, out var s) ? s : null;
        IReadOnlySet<DayOfWeek>? days = null;
        if (Frequency == Daily) days = new HashSet<DayOfWeek>();
        else if (Frequency == ChosenDays)
        {
            var chosen = Weekdays.Select(w => WireName.TryParse<DayOfWeek>(w, out var d) ? (DayOfWeek?)d : null).ToArray();
            if (chosen.Length == 0 || chosen.Any(d => d is null)) errors.Add(("weekdays", L["choose at least one day, or every day"]));
            else days = chosen.Select(d => d!.Value).ToHashSet();
        }
        else errors.Add(("weekdays", L["choose every day or the days of the week"]));
        ExerciseId? illustration = null;
        if (!string.IsNullOrEmpty(Illustration))
        {
            if (WireName.TryParse<ExerciseId>(Illustration, out var id)) illustration = id;
            else errors.Add(("illustration", L["choose one of the drawings, or none"]));
        }
        var (value, ruleErrors) = CustomExerciseRules.Create(Name, Steps, SafetyNote, type, Number(Sets), Number(Reps), Number(Holds), Number(Seconds),
            Number(Minutes), sides, days ?? (errors.Count > 0 ? new HashSet<DayOfWeek>() : null), illustration);
        foreach (var e in ruleErrors) errors.Add((FieldOf(e.Field), Message(e, L)));
        if (type is null) errors.RemoveAll(e => e.Item1 == "doseType");
        if (type is null) errors.Add(("doseType", L["choose repetitions and sets, holds, or minutes"]));
        if (sides is null) { errors.RemoveAll(e => e.Item1 == "sides"); errors.Add(("sides", L["choose the side or sides"])); }
        return errors.Count > 0 ? (null, errors) : (value, errors);
    }

    /// <summary>A rule's message from its code and limits (the rules write English for the API).</summary>
    private static string Message(FieldError error, IStringLocalizer<CustomExerciseFields> L) => error.Rule switch
    {
        { Code: FieldRuleCode.Empty } => L["must not be empty"],
        { Code: FieldRuleCode.TooLong } r => L["must be at most {0} characters, not {1}", r.Max, r.Given],
        { Code: FieldRuleCode.OutOfRange } r => L["must be a whole number from {0} to {1}", r.Min, r.Max],
        { Code: FieldRuleCode.NotAChoice } => L["choose one of the choices"],
        _ => error.Message,
    };

    /// <summary>The rules' JSON names (dose.sets) as this form's fields (sets).</summary>
    private static string FieldOf(string field) => field switch
    {
        "dose.type" => "doseType",
        _ when field.StartsWith("dose.", StringComparison.Ordinal) => field["dose.".Length..],
        _ => field,
    };

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
