using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Web.Features.Clinician;

/// <summary>The acknowledgement body: <c>{"kind", "evidenceKey"}</c>.</summary>
public sealed record AcknowledgementBody(AlertKind Kind, string EvidenceKey);

/// <summary>
/// The strict readers (SPEC §2, one validator: <see cref="ObjectReader"/>) of the clinician API's bodies (F16):
/// every bad field named, unknown fields rejected, enums spelled exactly.
/// </summary>
internal static class CaseloadApiContract
{
    public static ProgramChange? ReadProgram(ObjectReader r)
    {
        var version = r.RequiredInt("version", 0, int.MaxValue);
        var phase = r.OptionalEnum<Phase>("phase");
        var rule = r.OptionalEnum<PainRule>("painRule");
        // "excluded" absent = unchanged; present = the whole new set (an empty list includes everything again).
        var excluded = r.Has("excluded") ? r.OptionalSet<ExerciseId>("excluded") : null;
        var doses = new Dictionary<ExerciseId, DoseStep>();
        foreach (var item in r.OptionalObjectList("doses"))
        {
            var exercise = item.RequiredEnum<ExerciseId>("exercise");
            var code = item.RequiredString("step", 32);
            if (exercise is not { } id || code is null) continue;
            if (DoseSteps.For(id).Count == 0) item.Error("exercise", "has no dose ladder (self-massage and the warm-up are not dosed)");
            else if (DoseSteps.Parse(id, code) is not { } step)
                item.Error("step", $"must be a step of the ladder: {string.Join(", ", DoseSteps.For(id).Select(s => s.Code))}");
            else if (!doses.TryAdd(id, step)) item.Error("exercise", "appears more than once in doses");
        }
        var note = r.OptionalString("note", ProgramChange.NoteLength);
        // Issue 15: absent = unchanged; present = the whole new list of the patient's own exercises.
        var custom = r.Has("customExercises")
            ? r.OptionalObjectList("customExercises").Select(CustomExercises.CustomExerciseContract.ReadItem).ToList()
            : null;
        if (r.HasErrors || version is not { } v) return null;
        return new ProgramChange(v) { Phase = phase, PainRule = rule, Excluded = excluded, Doses = doses, Note = note, CustomExercises = custom?.OfType<CustomExercises.CustomExerciseItem>().ToList() };
    }

    public static AcknowledgementBody? ReadAcknowledgement(ObjectReader r)
    {
        var kind = r.RequiredEnum<AlertKind>("kind");
        var key = r.RequiredString("evidenceKey", 100);
        if (key is { Length: 0 }) r.Error("evidenceKey", "must not be empty");
        return r.HasErrors || kind is not { } k || key is null ? null : new AcknowledgementBody(k, key);
    }

    /// <summary>Date rule of SPEC §2 (≤ today UTC + 1); the patient's-today rule is the handler's (<see cref="TreatmentHandler.Check"/>).</summary>
    public static TreatmentInput? ReadTreatment(ObjectReader r, DateOnly latest)
    {
        var date = r.RequiredDate("date", latest);
        var kind = r.RequiredEnum<TreatmentKind>("kind");
        var notes = r.OptionalString("notes", TreatmentHandler.NotesLength);
        return r.HasErrors || date is not { } d || kind is not { } k ? null : new TreatmentInput(d, k, notes);
    }
}
