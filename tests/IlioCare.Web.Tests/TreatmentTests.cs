using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>F13 treatments recorded by a clinician and shown to the patient; clinician changes shown on Today.</summary>
public sealed class TreatmentTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private Task<Dictionary<string, string>?> RecordAsync(string clinicianId, string patientId, TreatmentInput input) =>
        factory.InDatabaseAsync(db => TreatmentHandler.RecordAsync(db, factory.Services.GetRequiredService<AuditTrail>(), clinicianId, patientId, input, factory.Clock, default));

    [Fact]
    public async Task Treatment_Recorded_PatientSeesItWithTheClinicianName_AndItIsAudited()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "treat-clinician@example.com", "Anna Physio");
        var client = new FormClient(factory);
        var patient = await OnboardAsync(factory, client, "treat-patient@example.com");
        await Clinicians.LinkAsync(factory, patient, clinician);

        var errors = await RecordAsync(clinician, patient, new TreatmentInput(Today(factory), TreatmentKind.BiomechanicalEvaluation, "Pelvic drop on the left when running."));

        Assert.Empty(errors!);
        var html = await (await client.GetAsync("/care/treatments")).Content.ReadAsStringAsync();
        Assert.Contains("Biomechanical evaluation", html, StringComparison.Ordinal);
        Assert.Contains("Pelvic drop on the left when running.", html, StringComparison.Ordinal);
        Assert.Contains("By Anna Physio", html, StringComparison.Ordinal);
        Assert.Single(await Clinicians.AuditAsync(factory, clinician, AuditAction.RecordTreatment));
    }

    [Fact]
    public async Task Treatment_BadInput_NamesEveryField_StoresNothing()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "treat-bad@example.com", "Dr Bad");
        var patient = await OnboardAsync(factory, new FormClient(factory), "treat-bad-patient@example.com");
        await Clinicians.LinkAsync(factory, patient, clinician);
        var stranger = await Clinicians.CreateAsync(factory, "treat-stranger@example.com", "Dr Stranger");

        var errors = await RecordAsync(clinician, patient, new TreatmentInput(Today(factory).AddDays(1), TreatmentKind.BiomechanicalEvaluation, " "));
        Assert.Equal(["date", "notes"], errors!.Keys.Order());
        errors = await RecordAsync(clinician, patient, new TreatmentInput(Today(factory), TreatmentKind.DryNeedling, new string('x', 2001)));
        Assert.Equal(["notes"], errors!.Keys);
        Assert.Null(await RecordAsync(stranger, patient, new TreatmentInput(Today(factory), TreatmentKind.DryNeedling, "")));

        Assert.False(await factory.InDatabaseAsync(db => db.Treatments.AnyAsync(t => t.PatientId == patient)));
    }

    [Fact]
    public async Task Today_ShowsTheClinicianSetDoseAndPhase_WithNameAndNote()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "today-clinician@example.com", "Bea Physio");
        var client = new FormClient(factory);
        var patient = await OnboardAsync(factory, client, "today-patient@example.com");
        await Clinicians.LinkAsync(factory, patient, clinician);
        await CheckInAsync(client, Answers());

        var outcome = await factory.InDatabaseAsync(db => ProgramEditHandler.SaveAsync(db, factory.Services.GetRequiredService<AuditTrail>(), clinician, patient,
            new ProgramChange(0)
            {
                Phase = Phase.Restore,
                Doses = new Dictionary<ExerciseId, DoseStep> { [ExerciseId.StraightLegRaise] = DoseSteps.Parse(ExerciseId.StraightLegRaise, "2x20-light")! },
                Note = "Band on, slow lowering",
            }, factory.Clock, default));
        Assert.Equal(ProgramSaveOutcome.Saved, outcome);

        var response = await client.GetAsync("/today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"clinician-note\">Set by Bea Physio: Band on, slow lowering</p>", html, StringComparison.Ordinal);
        Assert.Contains("2 sets of 20, light band", html, StringComparison.Ordinal);
        Assert.Contains("Why: Set by Bea Physio: Band on, slow lowering", html, StringComparison.Ordinal);
    }
}
