using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;

namespace IlioCare.Interop;

/// <summary>The FHIR resources of one patient, each from one stored row (see <see cref="FhirExport"/>).</summary>
internal sealed class FhirResources(string accountId)
{
    private readonly string _patientId = FhirSystems.StableId(accountId, "Patient", accountId);

    private ResourceReference Subject => new("urn:uuid:" + _patientId);

    private string Id(string kind, string key) => FhirSystems.StableId(accountId, kind, key);

    /// <summary>
    /// The account id as the identifier, with the person's name, date of birth and — from the latest assessment's
    /// answer — gender (issue 18), so the receiver can match the Bundle to its own record. No e-mail address.
    /// </summary>
    public Patient Patient(string? name, DateOnly? dateOfBirth, Sex? sex) => new()
    {
        Id = _patientId,
        Identifier = [new Identifier(FhirSystems.AccountId, accountId)],
        Active = true,
        Name = name is null ? [] : [new HumanName { Use = HumanName.NameUse.Usual, Text = name }],
        BirthDate = dateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Gender = sex switch
        {
            Clinical.Assessment.Sex.Female => AdministrativeGender.Female,
            Clinical.Assessment.Sex.Male => AdministrativeGender.Male,
            Clinical.Assessment.Sex.Other => AdministrativeGender.Other,
            null => null, // not asked, or not answered: left out rather than "unknown"
        },
    };

    public IEnumerable<Observation> Observations(CheckInRecord c)
    {
        var day = Day(c.Date);
        yield return Pain(c, "pain-now", "Pain now (0–10)", c.PainNow);
        yield return Pain(c, "pain-morning", "Morning pain (0–10)", c.PainMorning);
        yield return new Observation
        {
            Id = Id("Observation", $"stiffness|{c.Date:O}"),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(FhirSystems.Observation, "morning-stiffness-minutes", "Morning stiffness duration", "Morning stiffness (minutes)"),
            Subject = Subject,
            Effective = day,
            Value = Minutes(c.StiffnessMinutes),
        };
        var sport = new Observation
        {
            Id = Id("Observation", $"sport|{c.Date:O}"),
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(FhirSystems.ObservationCategory, "activity", "Activity")],
            Code = new CodeableConcept(FhirSystems.Observation, "sport-minutes", "Sport minutes", "Sport (minutes that day)"),
            Subject = Subject,
            Effective = day,
            Value = Minutes(c.TotalSportMinutes),
        };
        foreach (var (activity, minutes) in c.SportMinutes.OrderBy(s => s.Key))
            sport.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(FhirSystems.Activity, WireName.Of(activity), Label(activity)),
                Value = Minutes(minutes),
            });
        yield return sport;
    }

    private Observation Pain(CheckInRecord c, string which, string text, int score) => new()
    {
        Id = Id("Observation", $"{which}|{c.Date:O}"),
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(FhirSystems.ObservationCategory, "survey", "Survey")],
        Code = new CodeableConcept
        {
            Coding =
            [
                new Coding(FhirSystems.Loinc, FhirSystems.PainSeverityLoinc, FhirSystems.PainSeverityDisplay),
                new Coding(FhirSystems.Observation, which, text),
            ],
            Text = text,
        },
        Subject = Subject,
        Effective = Day(c.Date),
        Value = new Integer(score),
    };

    /// <summary>The SPEC §3 answers as items whose linkId is the contract's field name; a list gives one answer per element.</summary>
    public QuestionnaireResponse QuestionnaireResponse(AssessmentRecord a)
    {
        var response = new QuestionnaireResponse
        {
            Id = Id("QuestionnaireResponse", a.Id.ToString()),
            Questionnaire = FhirSystems.AssessmentQuestionnaire,
            Status = Hl7.Fhir.Model.QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = Subject,
            Authored = new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(a.TakenAtUtc, DateTimeKind.Utc))).Value,
        };
        using var input = JsonDocument.Parse(a.InputJson);
        foreach (var field in input.RootElement.EnumerateObject())
        {
            var item = new QuestionnaireResponse.ItemComponent { LinkId = field.Name, Text = field.Name };
            var values = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().ToArray() : [field.Value];
            foreach (var value in values)
                if (Answer(value) is { } answer) item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = answer });
            response.Item.Add(item);
        }
        return response;
    }

    private static DataType? Answer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new Integer(value.GetInt32()),
        JsonValueKind.String => new FhirString(value.GetString()),
        JsonValueKind.True => new FhirBoolean(true),
        JsonValueKind.False => new FhirBoolean(false),
        JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null => null,
    };

    /// <summary>The program in force: the phase, and one activity per exercise of that phase the patient does, with its dose.</summary>
    public CarePlan CarePlan(ProgramStateRecord state, IReadOnlyDictionary<ExerciseId, DoseRecord> doses, PatientProfile? profile,
        IReadOnlyList<CustomExerciseRecord>? custom = null)
    {
        var phase = WireName.Of(state.Phase);
        var plan = new CarePlan
        {
            Id = Id("CarePlan", "program"),
            Status = RequestStatus.Active,
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Category = [new CodeableConcept(FhirSystems.Phase, phase, state.Phase.ToString(), $"Phase: {state.Phase}")],
            Title = "IlioCare iliopsoas program",
            Description = $"Phase {state.Phase} since {state.EffectiveOn:yyyy-MM-dd}. {state.Reason}",
            Subject = Subject,
            Period = new Period { StartElement = Day(state.EffectiveOn) },
        };
        if (state.Note is { Length: > 0 } note) plan.Note.Add(new Annotation { Text = new Markdown(note) });
        var excluded = profile?.ExcludedExercises ?? new HashSet<ExerciseId>();
        foreach (var exercise in ExerciseCatalogue.ForPhase(state.Phase).Where(e => !excluded.Contains(e.Id)))
        {
            if (exercise.Id == ExerciseId.SelfMassage && profile is { SelfMassageAllowed: false }) continue;
            plan.Activity.Add(FhirDoses.Activity(exercise, doses.GetValueOrDefault(exercise.Id)));
        }
        // Issue 15: the clinician's own exercises, described in free text (they have no code of ours).
        foreach (var exercise in custom ?? []) plan.Activity.Add(FhirCustomActivity.Activity(exercise));
        return plan;
    }

    public Procedure Procedure(TreatmentRecord t) => new()
    {
        Id = Id("Procedure", t.Id.ToString(CultureInfo.InvariantCulture)),
        Status = EventStatus.Completed,
        Code = new CodeableConcept(FhirSystems.TreatmentKind, WireName.Of(t.Kind), FhirDoses.Label(t.Kind), FhirDoses.Label(t.Kind)),
        Subject = Subject,
        Performed = Day(t.Date),
        Note = t.Notes.Length > 0 ? [new Annotation { Text = new Markdown(t.Notes) }] : [],
    };

    /// <summary>
    /// One exercise of a session as a Procedure (issue 14, honest logging): "completed" only when every planned
    /// repetition or hold was counted, otherwise "stopped" (FHIR: ended before the full activity was done), with
    /// why (pain went up, or partly done) and the real count in the note.
    /// </summary>
    public Procedure ExerciseSession(ExerciseLogRecord log)
    {
        var name = ExerciseCatalogue.Get(log.Exercise).Name;
        var counted = log.DoneCount is { } done && log.PlannedCount is { } planned ? $"Counted {done} of {planned}. " : "";
        var outcome = log.StoppedForPain ? "Stopped: pain went up" : log.Completed ? "Done" : "Partly done";
        return new Procedure
        {
            Id = Id("Procedure", $"exercise-log-{log.Id.ToString(CultureInfo.InvariantCulture)}"),
            Status = log.Completed ? EventStatus.Completed : EventStatus.Stopped,
            StatusReason = log.Completed ? null : new CodeableConcept { Text = outcome },
            Code = new CodeableConcept(FhirSystems.Exercise, WireName.Of(log.Exercise), name, name),
            Subject = Subject,
            Performed = Day(log.Date),
            Note = [new Annotation { Text = new Markdown($"{outcome}. {counted}Pain {log.PainBefore} before, {log.PainDuring} during.") }],
        };
    }

    private static FhirDateTime Day(DateOnly date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Quantity Minutes(int minutes) => new(minutes, "min", FhirSystems.Ucum) { Unit = "min" };

    private static string Label(Activity activity) => activity switch
    {
        Activity.Running => "Running",
        Activity.Rowing => "Rowing",
        Activity.Cycling => "Cycling",
        Activity.StrengthTraining => "Strength training",
        Activity.KickingSports => "Kicking sports",
        Activity.Dance => "Dance",
        Activity.Other => "Other sport",
    };
}
