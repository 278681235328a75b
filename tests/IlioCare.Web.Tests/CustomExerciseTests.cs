// FHIR POCOs are all-nullable; a missing element fails these asserts with a NullReferenceException, which is a failure too.
#nullable disable warnings
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;
using Task = System.Threading.Tasks.Task;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 15, exercises of a clinician's own: the library (theirs alone), a patient's exercises through the API and the
/// pages, Today and the player, a stop counting toward a flare and showing on the caseload, the warning-sign pause, the
/// exports (FHIR validated with the SDK) and deleting the patient.
/// </summary>
public sealed class CustomExerciseTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Bridge = """
        {"name":"Wall bridge hold","steps":"Lie on your back, feet on the wall.\nLift your hips.\nHold, then lower slowly.",
         "safetyNote":"Stop if your groin hurts more.","dose":{"type":"holds","holds":3,"seconds":20},"sides":"no-side"}
        """;

    private const string March = """
        {"name":"Tall kneeling march","steps":"Kneel tall.\nStep one foot forward and back.","safetyNote":"Use a cushion under the knees.",
         "dose":{"type":"repetitions","sets":2,"reps":8},"sides":"each-side","weekdays":["monday","wednesday","friday"],"illustration":"seated-marching"}
        """;

    private async Task<(StaffMember Clinician, FormClient Patient, string PatientId)> LinkedAsync(string name)
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, $"{name}-dr@example.com", $"Dr {name}");
        var patient = new FormClient(factory);
        var patientId = await OnboardAsync(factory, patient, $"{name}-patient@example.com"); // restore from today
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        return (clinician, patient, patientId);
    }

    private static Task<HttpResponseMessage> PutProgramAsync(StaffMember clinician, string patientId, string body) =>
        clinician.Http.PutAsync($"/api/v1/patients/{patientId}/program", ApiClients.Json(body));

    private Task<List<CustomExerciseRecord>> PatientExercisesAsync(string patientId) =>
        factory.InDatabaseAsync(db => db.CustomExercises.AsNoTracking().Where(e => e.PatientId == patientId && e.Active).OrderBy(e => e.Id).ToListAsync());

    private static async Task<string> PageAsync(FormClient client, string url) =>
        WebUtility.HtmlDecode(await (await client.GetAsync(url)).Content.ReadAsStringAsync());

    /// <summary>Logs with the whole planned count, or <paramref name="count"/> (issue 14: honest logging).</summary>
    private async Task<HttpResponseMessage> LogAsync(FormClient patient, long id, string outcome, int before = 2, int during = 5, int? count = null)
    {
        var exercise = await factory.InDatabaseAsync(db => db.CustomExercises.AsNoTracking().SingleAsync(e => e.Id == id));
        return await patient.PostFormAsync($"/today/custom/{id}", "custom-exercise-log",
            [F("Form.PainBefore", $"{before}"), F("Form.PainDuring", $"{during}"), F("Form.Outcome", outcome),
             F("Form.DoneCount", $"{count ?? IlioCare.Web.Features.CustomExercises.CustomLogHandler.PlannedCount(exercise)}")]);
    }

    [Fact]
    public async Task Library_PostThenGet_IsTheAuthorsAlone()
    {
        var (clinician, patient, patientId) = await LinkedAsync("library");
        var other = await Staff.SignInClinicianAsync(factory, "library-other-dr@example.com", "Dr Other");
        await Clinicians.LinkAsync(factory, patientId, other.AccountId);

        var created = await ApiClients.JsonAsync(await clinician.Http.PostAsync("/api/v1/exercises", ApiClients.Json(March)), HttpStatusCode.Created);
        Assert.Equal(("Tall kneeling march", "2 sets of 8", "each-side", "On Monday, Wednesday and Friday", "seated-marching"),
            (created.GetProperty("name").GetString(), created.GetProperty("doseText").GetString(), created.GetProperty("sides").GetString(),
             created.GetProperty("frequency").GetString(), created.GetProperty("illustration").GetString()));
        var libraryId = created.GetProperty("id").GetInt64();

        var mine = await ApiClients.JsonAsync(await clinician.Http.GetAsync("/api/v1/exercises"));
        Assert.Equal(libraryId, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Empty((await ApiClients.JsonAsync(await other.Http.GetAsync("/api/v1/exercises"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.GetAsync("/api/v1/exercises")).StatusCode);

        // Another clinician cannot put it in a program, even for a patient they share: 400 naming the field, nothing stored.
        var refused = await PutProgramAsync(other, patientId, $$"""{"version":0,"customExercises":[{"libraryId":{{libraryId}}}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("customExercises[0].libraryId", (await ApiClients.ValidationErrorsAsync(refused)).Keys);
        Assert.Empty(await PatientExercisesAsync(patientId));

        // The author can: it is copied into the program, and the copy does not follow the library.
        var saved = await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{"libraryId":{{libraryId}}}]}"""));
        Assert.Equal((1, true), (saved.GetProperty("programVersion").GetInt32(), saved.GetProperty("saved").GetBoolean()));
        var copy = Assert.Single(await PatientExercisesAsync(patientId));
        Assert.Equal((libraryId, "Tall kneeling march", clinician.AccountId), (copy.CopiedFromId!.Value, copy.Name, copy.AuthorId));
        Assert.NotEqual(libraryId, copy.Id);
        // The patient's exercises are read with the patient (by any linked clinician), the library never.
        var detail = await ApiClients.JsonAsync(await other.Http.GetAsync($"/api/v1/patients/{patientId}"));
        Assert.Equal(copy.Id, Assert.Single(detail.GetProperty("customExercises").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task OpenApi_DescribesTheLibraryAndTheProgramBody_WithNamedSchemas()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CustomExerciseBody", "CustomExerciseView", "CustomDoseBody", "ProgramChangeBody", "CustomExerciseEntry", "ProgramSaved" })
            Assert.True(schemas.TryGetProperty(name, out _), $"no schema {name}");
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/exercises").TryGetProperty("post", out _));
        Assert.Contains("ProgramChangeBody", paths.GetProperty("/api/v1/patients/{patientId}/program").GetProperty("put").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_BadFields_400NamesEachField_NothingStored()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "library-bad-dr@example.com", "Dr Bad");
        var response = await clinician.Http.PostAsync("/api/v1/exercises", ApiClients.Json("""
            {"name":"  ","steps":"Do it","safetyNote":"Careful","dose":{"type":"minutes","sets":2},"sides":"Left","weekdays":["funday"],"extra":1}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ApiClients.ValidationErrorsAsync(response);
        Assert.Equal(["dose.minutes", "dose.sets", "extra", "name", "sides", "weekdays[0]"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExercises.AnyAsync(e => e.AuthorId == clinician.AccountId)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await clinician.Http.PostAsync("/api/v1/exercises", new StringContent(March, System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task Program_NewExercise_OnToday_InThePlayer_StopShowsOnCaseload_SecondStopIsAFlare_NoDoseMoves()
    {
        var (clinician, patient, patientId) = await LinkedAsync("flare");
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{Bridge}}]}"""));
        var bridge = Assert.Single(await PatientExercisesAsync(patientId));
        Assert.Equal((IlioCare.Clinical.Custom.CustomDoseType.Holds, 3, 20), (bridge.DoseType, bridge.Holds!.Value, bridge.Seconds!.Value));

        // Before the check-in it is on Today's preview without a start; after it, with one.
        Assert.DoesNotContain($"/today/custom/{bridge.Id}", await PageAsync(patient, "/today"), StringComparison.Ordinal);
        await CheckInAsync(patient, Answers(painNow: 1));
        var today = await PageAsync(patient, "/today");
        Assert.Contains("Wall bridge hold", today, StringComparison.Ordinal);
        Assert.Contains("3 holds of 20 seconds", today, StringComparison.Ordinal);
        var player = await PageAsync(patient, $"/today/custom/{bridge.Id}");
        Assert.Contains("Lift your hips.", player, StringComparison.Ordinal);
        Assert.Contains("data-hold=\"20\"", player, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"hold\"", player, StringComparison.Ordinal);

        // A bad log changes nothing; "pain went up" is recorded honestly and goes back to Today.
        var bad = await patient.PostFormAsync($"/today/custom/{bridge.Id}", "custom-exercise-log", [F("Form.PainBefore", "11"), F("Form.Outcome", "done")]);
        Assert.Contains("Pain before", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExerciseLogs.AnyAsync(l => l.AccountId == patientId)));
        Assert.Equal("/today", PathOf(await LogAsync(patient, bridge.Id, "pain-went-up")));
        var log = await factory.InDatabaseAsync(db => db.CustomExerciseLogs.SingleAsync(l => l.AccountId == patientId));
        Assert.Equal((Today(factory), true, false, 2, 5, 3, 20), (log.Date, log.StoppedForPain, log.Completed, log.PainBefore, log.PainDuring, log.Holds!.Value, log.Seconds!.Value));
        Assert.Equal(Phase.Restore, (await StatesAsync(factory, patientId)).Last().Phase); // one stop: no flare

        // On the caseload as a stop, by its name.
        var row = Assert.Single(await Clinicians.CaseloadAsync(factory, clinician.AccountId));
        var stop = Assert.Single(row.Alerts, a => a.Alert.Kind == AlertKind.Stop).Alert;
        Assert.StartsWith("Stopped Wall bridge hold: pain went up", stop.Reason, StringComparison.Ordinal);
        Assert.StartsWith("stop:custom:", stop.EvidenceKey, StringComparison.Ordinal);

        // Three days later it is done again and the pain rises: the second stop within 7 days is a flare (SPEC §4).
        for (var day = 1; day <= 3; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            await CheckInAsync(patient, Answers(painNow: 1));
        }
        Assert.Equal(Phase.Restore, (await StatesAsync(factory, patientId)).Last().Phase);
        // This time the pain rose while it was finished ("Done"): on an exercise with no ladder the rise is the stop.
        Assert.Equal("/today", PathOf(await LogAsync(patient, bridge.Id, "done", before: 1, during: 3)));
        var stepBack = (await StatesAsync(factory, patientId)).Last();
        Assert.Equal((Today(factory), Phase.Settle, PhaseMove.StepBack, "engine"), (stepBack.EffectiveOn, stepBack.Phase, stepBack.Move, stepBack.SetBy));
        Assert.True((await CheckInsAsync(factory, patientId)).Last().Flare);
        // It moved nothing else: no dose was stepped down for it.
        Assert.False(await factory.InDatabaseAsync(db => db.Doses.AnyAsync(d => d.AccountId == patientId && d.Action == ProgressionAction.Regress)));
    }

    [Fact]
    public async Task WarningSign_PausesTheCustomExercise_WithTheRest()
    {
        var (clinician, patient, patientId) = await LinkedAsync("paused");
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{Bridge}}]}"""));
        var bridge = Assert.Single(await PatientExercisesAsync(patientId));

        await CheckInAsync(patient, Answers(sign: "fever"));

        Assert.DoesNotContain("Wall bridge hold", await PageAsync(patient, "/today"), StringComparison.Ordinal);
        Assert.Equal("/program/paused", PathOf(await patient.GetAsync($"/today/custom/{bridge.Id}")));
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExerciseLogs.AnyAsync(l => l.AccountId == patientId)));
    }

    [Fact]
    public async Task Weekdays_OnlyOnTheirDays_AndAnotherPatientsExerciseIsNotFound()
    {
        var (clinician, patient, patientId) = await LinkedAsync("weekdays");
        var notToday = Today(factory).AddDays(1).DayOfWeek.ToString().ToLowerInvariant();
        var body = Bridge.Replace("\"sides\":\"no-side\"", $"\"sides\":\"no-side\",\"weekdays\":[\"{notToday}\"]", StringComparison.Ordinal);
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{body}}]}"""));
        var bridge = Assert.Single(await PatientExercisesAsync(patientId));
        await CheckInAsync(patient, Answers());

        Assert.DoesNotContain("Wall bridge hold", await PageAsync(patient, "/today"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/today/custom/{bridge.Id}")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(patient, Answers());
        Assert.Contains("Wall bridge hold", await PageAsync(patient, "/today"), StringComparison.Ordinal);

        var stranger = new FormClient(factory);
        await OnboardAsync(factory, stranger, "weekdays-stranger@example.com");
        await CheckInAsync(stranger, Answers());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/today/custom/{bridge.Id}")).StatusCode);
    }

    [Fact]
    public async Task Pages_WriteForAPatient_LabelsOnErrors_ThenAddFromLibrary_AndTakeOut()
    {
        var (clinician, _, patientId) = await LinkedAsync("pages");
        var page = $"/clinician/patients/{patientId}/exercises";

        var bad = await clinician.Client.PostFormAsync(page, "custom-new",
            [F("Form.Version", "0"), F("Form.Name", ""), F("Form.Steps", "Step"), F("Form.SafetyNote", "Careful"), F("Form.DoseType", "repetitions"),
             F("Form.Sets", "99"), F("Form.Reps", "8"), F("Form.Sides", "each-side"), F("Form.Frequency", "daily")]);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Name: must not be empty", html, StringComparison.Ordinal);
        Assert.Contains("Sets: must be a whole number from 1 to 10", html, StringComparison.Ordinal);
        Assert.Empty(await PatientExercisesAsync(patientId));

        var saved = await clinician.Client.PostFormAsync(page, "custom-new",
            [F("Form.Version", "0"), F("Form.Name", "Side plank on knees"), F("Form.Steps", "Lie on your side.\nLift your hips."),
             F("Form.SafetyNote", "Stop if it hurts."), F("Form.DoseType", "minutes"), F("Form.Minutes", "2"), F("Form.Sides", "each-side"),
             F("Form.Frequency", "weekdays"), F("Form.Weekdays", "tuesday"), F("Form.Weekdays", "thursday"), F("Form.Illustration", "side-kick")]);
        Assert.Equal(page + "?saved=true", PathOf(saved));
        var plank = Assert.Single(await PatientExercisesAsync(patientId));
        Assert.Equal((IlioCare.Clinical.Custom.CustomDoseType.Minutes, 2), (plank.DoseType, plank.Minutes!.Value));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], plank.Weekdays.Order().ToArray());
        Assert.Contains("Side plank on knees", await PageAsync(clinician.Client, page), StringComparison.Ordinal);
        Assert.Contains(await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ChangeProgram),
            a => a.Detail!.Contains($"custom exercise {plank.Id} added", StringComparison.Ordinal));

        // The library page, then "add from your exercises" copies it in next to the first.
        var library = await clinician.Client.PostFormAsync("/clinician/exercises", "library-exercise",
            [F("Form.Name", "Hip hinge"), F("Form.Steps", "Hinge at the hips."), F("Form.SafetyNote", "Keep your back flat."),
             F("Form.DoseType", "repetitions"), F("Form.Sets", "2"), F("Form.Reps", "10"), F("Form.Sides", "no-side"), F("Form.Frequency", "daily")]);
        Assert.Equal("/clinician/exercises?saved=true", PathOf(library));
        var libraryId = await factory.InDatabaseAsync(db => db.CustomExercises.Where(e => e.AuthorId == clinician.AccountId && e.PatientId == null).Select(e => e.Id).SingleAsync());
        await clinician.Client.PostFormAsync(page, "custom-library", [F("Library.Version", "1"), F("Library.Id", $"{libraryId}")]);
        Assert.Equal(["Side plank on knees", "Hip hinge"], (await PatientExercisesAsync(patientId)).Select(e => e.Name).ToArray());

        // Taking one out keeps the other (and would keep its logs).
        await clinician.Client.PostFormAsync(page, "custom-remove", [F("Remove.Version", "2"), F("Remove.Id", $"{plank.Id}")]);
        Assert.Equal(["Hip hinge"], (await PatientExercisesAsync(patientId)).Select(e => e.Name).ToArray());
        Assert.True(await factory.InDatabaseAsync(db => db.CustomExercises.AnyAsync(e => e.Id == plank.Id && !e.Active)));

        // Another clinician, not linked: 404.
        var stranger = await Staff.SignInClinicianAsync(factory, "pages-stranger-dr@example.com", "Dr Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(page)).StatusCode);
    }

    /// <summary>Issue 14's honest logging holds for a clinician's own exercise: "Done" after 1 of the planned holds is partly done.</summary>
    [Fact]
    public async Task Player_DoneShortOfThePlan_IsPartlyDone_AndABlankCountIsRefused()
    {
        var (clinician, patient, patientId) = await LinkedAsync("partly");
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{Bridge}}]}"""));
        var bridge = (await PatientExercisesAsync(patientId))[0];
        await CheckInAsync(patient, Answers());

        var blank = await patient.PostFormAsync($"/today/custom/{bridge.Id}", "custom-exercise-log",
            [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", "done")]);
        var blankPage = WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync());
        Assert.Contains("id=\"doneCount-error\"", blankPage, StringComparison.Ordinal);
        // The error summary names the field by its label, never its id (issue 16, H263).
        Assert.Contains("How many you did: Enter how many you did", blankPage, StringComparison.Ordinal);
        Assert.DoesNotContain("doneCount:", blankPage, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExerciseLogs.AnyAsync(l => l.AccountId == patientId)));

        Assert.Equal("/today", PathOf(await LogAsync(patient, bridge.Id, "done", before: 1, during: 1, count: 1)));
        var log = await factory.InDatabaseAsync(db => db.CustomExerciseLogs.AsNoTracking().SingleAsync(l => l.AccountId == patientId));
        Assert.Equal((false, false), (log.Completed, log.StoppedForPain));
        Assert.Contains("partly done", await PageAsync(patient, $"/today/custom/{bridge.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_FhirCarePlanHasTheCustomActivity_ValidatedWithTheSdk_AndCsvAndJsonHaveTheLogs()
    {
        var (clinician, patient, patientId) = await LinkedAsync("export");
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{Bridge}},{{March}}]}"""));
        var bridge = (await PatientExercisesAsync(patientId))[0];
        await CheckInAsync(patient, Answers());
        await LogAsync(patient, bridge.Id, "done", before: 1, during: 1);

        var json = await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/export/fhir")).Content.ReadAsStringAsync();
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        var plan = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<CarePlan>());
        var activity = Assert.Single(plan.Activity, a => a.Detail.Code.Text == "Wall bridge hold");
        Assert.Contains("3 holds of 20 seconds", activity.Detail.Description, StringComparison.Ordinal);
        Assert.Contains("Lift your hips.", activity.Detail.Description, StringComparison.Ordinal);
        Assert.Contains("Stop if your groin hurts more.", activity.Detail.Description, StringComparison.Ordinal);
        Assert.Equal(3m, activity.Detail.Quantity.Value);
        var march = Assert.Single(plan.Activity, a => a.Detail.Code.Text == "Tall kneeling march");
        Assert.Equal([DaysOfWeek.Mon, DaysOfWeek.Wed, DaysOfWeek.Fri], ((Timing)march.Detail.Scheduled).Repeat.DayOfWeek.Select(d => d!.Value).ToArray());
        Assert.Empty(bundle.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validator: null, validateRecursively: true));

        var csv = await (await patient.GetAsync("/account/export/sessions.csv")).Content.ReadAsStringAsync();
        Assert.Contains(",custom,,,,3,20,true,false,1,1,", csv, StringComparison.Ordinal);
        Assert.Contains(",Wall bridge hold,,false", csv, StringComparison.Ordinal);
        using var export = JsonDocument.Parse(await (await patient.GetAsync("/account/export")).Content.ReadAsStringAsync());
        Assert.Equal(2, export.RootElement.GetProperty("customExercises").GetArrayLength());
        Assert.Equal(1, export.RootElement.GetProperty("customExerciseLogs").GetArrayLength());
    }

    [Fact]
    public async Task DeletingThePatient_RemovesTheirExercisesAndLogs_TheLibraryStays()
    {
        var (clinician, patient, patientId) = await LinkedAsync("delete");
        await ApiClients.JsonAsync(await clinician.Http.PostAsync("/api/v1/exercises", ApiClients.Json(March)), HttpStatusCode.Created);
        await ApiClients.JsonAsync(await PutProgramAsync(clinician, patientId, $$"""{"version":0,"customExercises":[{{Bridge}}]}"""));
        await CheckInAsync(patient, Answers());
        await LogAsync(patient, (await PatientExercisesAsync(patientId))[0].Id, "done", 1, 1);

        var deleted = await patient.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", Patients.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExercises.AnyAsync(e => e.PatientId == patientId)));
        Assert.False(await factory.InDatabaseAsync(db => db.CustomExerciseLogs.AnyAsync(l => l.AccountId == patientId)));
        Assert.Single((await ApiClients.JsonAsync(await clinician.Http.GetAsync("/api/v1/exercises"))).EnumerateArray());
    }
}
