using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Custom;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>The "write an exercise" form as posted (issue 15): numbers as typed, so a bad value comes back with its message.</summary>
public class CustomExerciseForm
{
    public const string Daily = "daily";
    public const string ChosenDays = "weekdays";

    public string? Name { get; set; }
    public string? Steps { get; set; }
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

    /// <summary>The definition, or a message for every bad field (keyed by the form's field names).</summary>
    public (CustomExerciseDefinition? Value, List<(string Field, string Message)> Errors) Check()
    {
        var errors = new List<(string, string)>();
        CustomDoseType? type = WireName.TryParse<CustomDoseType>(DoseType, out var t) ? t : null;
        CustomSides? sides = WireName.TryParse<CustomSides>(Sides, out var s) ? s : null;
        IReadOnlySet<DayOfWeek>? days = null;
        if (Frequency == Daily) days = new HashSet<DayOfWeek>();
        else if (Frequency == ChosenDays)
        {
            var chosen = Weekdays.Select(w => WireName.TryParse<DayOfWeek>(w, out var d) ? (DayOfWeek?)d : null).ToArray();
            if (chosen.Length == 0 || chosen.Any(d => d is null)) errors.Add(("weekdays", "choose at least one day, or every day"));
            else days = chosen.Select(d => d!.Value).ToHashSet();
        }
        else errors.Add(("weekdays", "choose every day or the days of the week"));
        ExerciseId? illustration = null;
        if (!string.IsNullOrEmpty(Illustration))
        {
            if (WireName.TryParse<ExerciseId>(Illustration, out var id)) illustration = id;
            else errors.Add(("illustration", "choose one of the drawings, or none"));
        }
        var (value, ruleErrors) = CustomExerciseRules.Create(Name, Steps, SafetyNote, type, Number(Sets), Number(Reps), Number(Holds), Number(Seconds),
            Number(Minutes), sides, days ?? (errors.Count > 0 ? new HashSet<DayOfWeek>() : null), illustration);
        foreach (var e in ruleErrors) errors.Add((FieldOf(e.Field), e.Message));
        if (type is null) errors.RemoveAll(e => e.Item1 == "doseType");
        if (type is null) errors.Add(("doseType", "choose repetitions and sets, holds, or minutes"));
        if (sides is null) { errors.RemoveAll(e => e.Item1 == "sides"); errors.Add(("sides", "choose the side or sides")); }
        return errors.Count > 0 ? (null, errors) : (value, errors);
    }

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
