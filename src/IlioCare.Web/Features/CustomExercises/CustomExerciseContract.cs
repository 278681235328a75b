using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Custom;
using IlioCare.Data;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>An entry of <c>customExercises</c> in <c>PUT /api/v1/patients/{id}/program</c>: the whole new list of the patient's own exercises.</summary>
public abstract record CustomExerciseItem;

/// <summary><c>{"id": 12}</c>: keep one of the patient's exercises as it is.</summary>
public sealed record KeepCustomExercise(long Id) : CustomExerciseItem;

/// <summary><c>{"libraryId": 7}</c>: copy an exercise of the clinician's own library into the program.</summary>
public sealed record CopyLibraryExercise(long LibraryId) : CustomExerciseItem;

/// <summary>A full definition: a new exercise written for this patient.</summary>
public sealed record NewCustomExercise(CustomExerciseDefinition Definition) : CustomExerciseItem;

/// <summary>A custom exercise's dose on the wire (OpenAPI schema; only the numbers of its type are set).</summary>
public sealed record CustomDoseBody(string Type, int? Sets, int? Reps, int? Holds, int? Seconds, int? Minutes);

/// <summary>The body of <c>POST /api/v1/exercises</c> and a new entry of a program's <c>customExercises</c> (OpenAPI schema).</summary>
/// <param name="Weekdays">monday … sunday; absent or empty = daily.</param>
/// <param name="Illustration">The catalogue exercise whose drawings illustrate it (e.g. side-kick); optional.</param>
public sealed record CustomExerciseBody(string Name, string Steps, string SafetyNote, CustomDoseBody Dose, string Sides, string[]? Weekdays, string? Illustration);

/// <summary>One of a program's <c>customExercises</c> (OpenAPI schema): <c>id</c> (keep), <c>libraryId</c> (copy) or a full definition (new).</summary>
public sealed record CustomExerciseEntry(long? Id, long? LibraryId, string? Name, string? Steps, string? SafetyNote, CustomDoseBody? Dose,
    string? Sides, string[]? Weekdays, string? Illustration);

/// <summary>The body of <c>PUT /api/v1/patients/{id}/program</c> (OpenAPI schema; read strictly by CaseloadApiContract.ReadProgram).</summary>
/// <param name="Excluded">Absent = unchanged; present = the whole new set.</param>
/// <param name="CustomExercises">Absent = unchanged; present = the whole new list (those left out are taken out of the program; their logs stay).</param>
public sealed record ProgramChangeBody(int Version, string? Phase, string? PainRule, string[]? Excluded, ProgramDoseBody[]? Doses, string? Note,
    CustomExerciseEntry[]? CustomExercises);

/// <summary>A ladder step of one catalogue exercise (OpenAPI schema).</summary>
public sealed record ProgramDoseBody(string Exercise, string Step);

/// <summary>The answer of <c>PUT /api/v1/patients/{id}/program</c>: the version to send with the next edit.</summary>
public sealed record ProgramSaved(int ProgramVersion, bool Saved);

/// <summary>A custom exercise as the API shows it (OpenAPI schema).</summary>
public sealed record CustomExerciseView(long Id, string Name, string Steps, string SafetyNote, CustomDoseBody Dose, string DoseText,
    string Sides, string[] Weekdays, string Frequency, string? Illustration)
{
    public static CustomExerciseView Of(CustomExerciseRecord r)
    {
        var d = r.Definition;
        return new(r.Id, d.Name, d.Steps, d.SafetyNote,
            new CustomDoseBody(WireName.Of(d.Dose.Type), d.Dose.Sets, d.Dose.Reps, d.Dose.Holds, d.Dose.Seconds, d.Dose.Minutes), d.Dose.Text,
            WireName.Of(d.Sides), d.Weekdays.OrderBy(w => ((int)w + 6) % 7).Select(WireName.Of).ToArray(), d.FrequencyText,
            d.Illustration is { } i ? WireName.Of(i) : null);
    }
}

/// <summary>The strict readers (SPEC §2, <see cref="ObjectReader"/>) of custom exercises: every bad field named by its JSON path.</summary>
internal static class CustomExerciseContract
{
    public static CustomExerciseDefinition? ReadDefinition(ObjectReader r)
    {
        // Fields the reader has already judged (present but wrong, or required and missing): the rules' own check
        // must not name them twice. What the reader let through (blank text, a missing number) the rules name.
        var judged = new HashSet<string>(StringComparer.Ordinal) { "dose.type", "sides" };
        var name = r.RequiredString("name", CustomExerciseRules.NameLength);
        var steps = r.RequiredString("steps", CustomExerciseRules.StepsLength);
        var safety = r.RequiredString("safetyNote", CustomExerciseRules.SafetyNoteLength);
        if (name is null) judged.Add("name");
        if (steps is null) judged.Add("steps");
        if (safety is null) judged.Add("safetyNote");
        var sides = r.RequiredEnum<CustomSides>("sides");
        var weekdays = r.OptionalSet<DayOfWeek>("weekdays");
        var illustration = r.OptionalEnum<ExerciseId>("illustration");
        CustomDoseType? type = null;
        int? sets = null, reps = null, holds = null, seconds = null, minutes = null;
        if (r.RequiredObject("dose") is { } dose)
        {
            foreach (var field in new[] { "sets", "reps", "holds", "seconds", "minutes" })
                if (dose.Has(field)) judged.Add("dose." + field);
            type = dose.RequiredEnum<CustomDoseType>("type");
            sets = dose.OptionalInt("sets", 1, CustomExerciseRules.MaxSets);
            reps = dose.OptionalInt("reps", 1, CustomExerciseRules.MaxReps);
            holds = dose.OptionalInt("holds", 1, CustomExerciseRules.MaxHolds);
            seconds = dose.OptionalInt("seconds", CustomExerciseRules.MinSeconds, CustomExerciseRules.MaxSeconds);
            minutes = dose.OptionalInt("minutes", 1, CustomExerciseRules.MaxMinutes);
            // A number of another dose type is a mistake worth naming, not something to drop silently.
            if (type is not CustomDoseType.Repetitions) { OnlyFor(dose, "sets", sets, "repetitions"); OnlyFor(dose, "reps", reps, "repetitions"); }
            if (type is not CustomDoseType.Holds) { OnlyFor(dose, "holds", holds, "holds"); OnlyFor(dose, "seconds", seconds, "holds"); }
            if (type is not CustomDoseType.Minutes) OnlyFor(dose, "minutes", minutes, "minutes");
        }
        else
        {
            foreach (var field in new[] { "sets", "reps", "holds", "seconds", "minutes" }) judged.Add("dose." + field);
        }
        var (value, errors) = CustomExerciseRules.Create(name, steps, safety, type, sets, reps, holds, seconds, minutes, sides, weekdays, illustration);
        foreach (var e in errors.Where(e => !judged.Contains(e.Field))) r.Error(e.Field, e.Message);
        return value;
    }

    private static void OnlyFor(ObjectReader dose, string field, int? value, string type)
    {
        if (value is not null) dose.Error(field, $"is only for the dose type {type}");
    }

    /// <summary><c>{"id"}</c>, <c>{"libraryId"}</c> or a full definition.</summary>
    public static CustomExerciseItem? ReadItem(ObjectReader item)
    {
        if (item.Has("id")) return item.RequiredInt("id", 1, int.MaxValue) is { } id ? new KeepCustomExercise(id) : null;
        if (item.Has("libraryId")) return item.RequiredInt("libraryId", 1, int.MaxValue) is { } lib ? new CopyLibraryExercise(lib) : null;
        return ReadDefinition(item) is { } d ? new NewCustomExercise(d) : null;
    }
}
