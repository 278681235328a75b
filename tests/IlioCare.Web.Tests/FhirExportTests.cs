// FHIR POCOs are all-nullable; a missing element fails these asserts with a NullReferenceException, which is a failure too.
#nullable disable warnings
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Interop;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using Task = System.Threading.Tasks.Task;

namespace IlioCare.Web.Tests;

/// <summary>F14: the FHIR R4 Bundle parses back with the same SDK and keeps every recorded value.</summary>
public sealed class FhirExportTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    [Fact]
    public async Task Fhir_RoundTrip_KeepsEveryRecordedValue()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "fhir-round-trip@example.com", settle: true);
        var day1 = Today(factory);
        await CheckInAsync(client, Answers(painMorning: 4, stiffness: 25, painNow: 3, running: 20));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(client, Answers(painMorning: 2, stiffness: 10, painNow: 1, running: 35));
        await factory.InDatabaseAsync(async db =>
        {
            db.Treatments.Add(new TreatmentRecord
            {
                PatientId = id, ClinicianId = "clinician-1", Date = day1, Kind = TreatmentKind.DryNeedling,
                Notes = "Two points, lower third of the muscle; sore for a day.", RecordedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            });
            db.Doses.Add(new DoseRecord
            {
                AccountId = id, Exercise = ExerciseId.ButterflyStretch, EffectiveFrom = day1.AddDays(2), Count = 7, HoldSeconds = 25,
                Action = ProgressionAction.Progress, Reason = "Set by your physiotherapist.", SetBy = "clinician-1", Note = "Hold a little longer.",
                RecordedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        var response = await client.GetAsync("/account/export/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var json = await response.Content.ReadAsStringAsync();
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.All(bundle.Entry, e => Assert.Equal("urn:uuid:" + e.Resource.Id, e.FullUrl));
        Assert.Equal(bundle.Entry.Count, bundle.Entry.Select(e => e.Resource.Id).Distinct().Count());
        var patient = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Patient>());
        Assert.Equal(id, Assert.Single(patient.Identifier, i => i.System == FhirSystems.AccountId).Value);
        Assert.DoesNotContain("fhir-round-trip@example.com", json, StringComparison.Ordinal);

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        foreach (var checkIn in await CheckInsAsync(factory, id))
        {
            var day = checkIn.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var onDay = observations.Where(o => ((FhirDateTime)o.Effective).Value == day).ToList();
            Assert.Equal(checkIn.PainNow, PainScore(onDay, "pain-now"));
            Assert.Equal(checkIn.PainMorning, PainScore(onDay, "pain-morning"));
            Assert.Equal(checkIn.StiffnessMinutes, (int)((Quantity)Coded(onDay, "morning-stiffness-minutes").Value).Value!.Value);
            var sport = Coded(onDay, "sport-minutes");
            Assert.Equal(checkIn.TotalSportMinutes, (int)((Quantity)sport.Value).Value!.Value);
            var running = Assert.Single(sport.Component, c => c.Code.Coding[0].Code == "running");
            Assert.Equal(checkIn.SportMinutes[Clinical.Assessment.Activity.Running], (int)((Quantity)running.Value).Value!.Value);
        }
        Assert.Equal(4, observations.Count(o => o.Code.Coding.Any(c => c.System == FhirSystems.Loinc && c.Code == "72514-3")));

        var assessment = await factory.InDatabaseAsync(db => db.Assessments.SingleAsync(a => a.AccountId == id));
        var response1 = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        using (var input = JsonDocument.Parse(assessment.InputJson))
            foreach (var field in input.RootElement.EnumerateObject())
            {
                var item = Assert.Single(response1.Item, i => i.LinkId == field.Name);
                var expected = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(v => v.ToString()).ToArray() : [field.Value.ToString()];
                Assert.Equal(expected, item.Answer.Select(a => AnswerText(a.Value)).ToArray());
            }

        var state = (await StatesAsync(factory, id)).Last();
        var plan = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.Equal(RequestStatus.Active, plan.Status);
        Assert.Equal(WireName.Of(state.Phase), Assert.Single(plan.Category).Coding.Single(c => c.System == FhirSystems.Phase).Code);
        var butterfly = Assert.Single(plan.Activity, a => a.Detail.Code.Coding[0].Code == "butterfly-stretch");
        Assert.Equal(7m, butterfly.Detail.Quantity.Value);
        Assert.Equal(25m, ((Quantity)butterfly.Detail.GetExtension(FhirSystems.DoseExtension + "hold-seconds").Value).Value);
        Assert.Contains("7 repetitions, hold 25 s", butterfly.Detail.Description, StringComparison.Ordinal);
        Assert.Equal("Hold a little longer.", Assert.Single(butterfly.Progress).Text);
        var inPhase = ExerciseCatalogue.ForPhase(state.Phase).Select(e => WireName.Of(e.Id)).Order().ToArray();
        Assert.Equal(inPhase, plan.Activity.Select(a => a.Detail.Code.Coding[0].Code).Order().ToArray());

        var procedure = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Procedure>());
        Assert.Equal(EventStatus.Completed, procedure.Status);
        Assert.Equal(("dry-needling", FhirSystems.TreatmentKind), (procedure.Code.Coding[0].Code, procedure.Code.Coding[0].System));
        Assert.Equal(day1.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ((FhirDateTime)procedure.Performed).Value);
        Assert.Equal("Two points, lower third of the muscle; sore for a day.", Assert.Single(procedure.Note).Text);

        // The SDK's own structural check (cardinalities, required elements, value formats) passes.
        Assert.Empty(bundle.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validator: null, validateRecursively: true));
        // Stable ids: a second export names the same resources the same way.
        var again = new FhirJsonDeserializer().Deserialize<Bundle>(await (await client.GetAsync("/account/export/fhir")).Content.ReadAsStringAsync());
        Assert.Equal(bundle.Entry.Select(e => e.FullUrl), again.Entry.Select(e => e.FullUrl));
    }

    [Fact]
    public async Task Fhir_ExcludedExercise_IsLeftOutOfTheCarePlan()
    {
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "fhir-excluded@example.com", settle: true);
        await factory.InDatabaseAsync(async db =>
        {
            var profile = await db.PatientProfiles.SingleAsync(p => p.AccountId == id);
            profile.ExcludedExercises = new HashSet<ExerciseId> { ExerciseId.LyingHipRotation };
            return await db.SaveChangesAsync();
        });
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await (await client.GetAsync("/api/v1/me/export/fhir")).Content.ReadAsStringAsync());
        var plan = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.NotEmpty(plan.Activity);
        Assert.DoesNotContain(plan.Activity, a => a.Detail.Code.Coding[0].Code == "lying-hip-rotation");
    }

    private static Observation Coded(IEnumerable<Observation> observations, string code) =>
        Assert.Single(observations, o => o.Code.Coding.Any(c => c.System == FhirSystems.Observation && c.Code == code));

    private static int PainScore(IEnumerable<Observation> observations, string which)
    {
        var observation = Coded(observations, which);
        Assert.Contains(observation.Code.Coding, c => c.System == FhirSystems.Loinc && c.Code == FhirSystems.PainSeverityLoinc);
        return ((Integer)observation.Value).Value!.Value;
    }

    private static string AnswerText(DataType value) => value switch
    {
        Integer i => i.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FhirBoolean b => b.Value!.Value ? "True" : "False",
        FhirString s => s.Value,
        _ => throw new InvalidOperationException(value.TypeName),
    };
}
