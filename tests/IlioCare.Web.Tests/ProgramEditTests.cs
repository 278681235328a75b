using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>F13 program edits: phase, dose, exclusions, pain rule, with optimistic concurrency and audit.</summary>
public sealed class ProgramEditTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private Task<ProgramSaveOutcome> SaveAsync(string clinicianId, string patientId, ProgramChange change) =>
        factory.InDatabaseAsync(db => ProgramEditHandler.SaveAsync(db, factory.Services.GetRequiredService<AuditTrail>(), clinicianId, patientId, change, factory.Clock, default));

    private FormClient _patientClient = null!;

    private async Task<(string Patient, string First, string Second)> LinkedPatientAsync(string name)
    {
        MoveToMorning(factory);
        var first = await Clinicians.CreateAsync(factory, $"{name}-1@example.com", $"Dr {name} One");
        var second = await Clinicians.CreateAsync(factory, $"{name}-2@example.com", $"Dr {name} Two");
        _patientClient = new FormClient(factory);
        var patient = await OnboardAsync(factory, _patientClient, $"{name}-patient@example.com");
        await Clinicians.LinkAsync(factory, patient, first);
        await Clinicians.LinkAsync(factory, patient, second);
        return (patient, first, second);
    }

    private static DoseStep Step(ExerciseId id, string code) => DoseSteps.Parse(id, code)!;

    [Fact]
    public async Task Save_PhaseDoseExclusionPainRule_StoredFromTodayWithNoteAndAudit()
    {
        var (patient, clinician, _) = await LinkedPatientAsync("save");
        var today = Today(factory);

        var outcome = await SaveAsync(clinician, patient, new ProgramChange(0)
        {
            Phase = Phase.Settle, PainRule = PainRule.Monitoring, Excluded = new HashSet<ExerciseId> { ExerciseId.SideKick },
            Doses = new Dictionary<ExerciseId, DoseStep> { [ExerciseId.StraightLegRaise] = Step(ExerciseId.StraightLegRaise, "2x20-none") },
            Note = "Easy for a week",
        });

        Assert.Equal(ProgramSaveOutcome.Saved, outcome);
        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == patient));
        Assert.Equal((1, PainRule.Monitoring), (profile.ProgramVersion, profile.PainRule));
        Assert.Equal([ExerciseId.SideKick], profile.ExcludedExercises);
        var state = (await StatesAsync(factory, patient)).Last();
        Assert.Equal((today, Phase.Settle, today, clinician, "Easy for a week"), (state.EffectiveOn, state.Phase, state.CountsFrom, state.SetBy, state.Note));
        Assert.Equal("Set by Dr save One: Easy for a week", state.Reason);
        var dose = await factory.InDatabaseAsync(db => db.Doses.SingleAsync(d => d.AccountId == patient && d.Exercise == ExerciseId.StraightLegRaise));
        Assert.Equal((today, 2, 20, Resistance.None, ProgressionAction.Progress, clinician), (dose.EffectiveFrom, dose.Sets, dose.Reps, dose.Resistance, dose.Action, dose.SetBy));
        Assert.Single(await Clinicians.AuditAsync(factory, clinician, AuditAction.ChangeProgram));
        Assert.Contains("straight-leg-raise", Assert.Single(await Clinicians.AuditAsync(factory, clinician, AuditAction.ChangeDose)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TwoCliniciansFromTheSameVersion_SecondGetsConflict_FirstChangeStands()
    {
        var (patient, first, second) = await LinkedPatientAsync("race");

        Assert.Equal(ProgramSaveOutcome.Saved, await SaveAsync(first, patient, new ProgramChange(0) { PainRule = PainRule.Monitoring }));
        var late = await SaveAsync(second, patient, new ProgramChange(0)
        {
            Phase = Phase.Return,
            Doses = new Dictionary<ExerciseId, DoseStep> { [ExerciseId.SeatedMarching] = Step(ExerciseId.SeatedMarching, "3x20-heavy") },
        });

        Assert.Equal(ProgramSaveOutcome.Conflict, late);
        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == patient));
        Assert.Equal((1, PainRule.Monitoring), (profile.ProgramVersion, profile.PainRule));
        Assert.DoesNotContain(await StatesAsync(factory, patient), s => s.SetBy == second);
        Assert.False(await factory.InDatabaseAsync(db => db.Doses.AnyAsync(d => d.AccountId == patient && d.SetBy == second)));
        Assert.Empty(await Clinicians.AuditAsync(factory, second, AuditAction.ChangeProgram));
        Assert.Empty(await Clinicians.AuditAsync(factory, second, AuditAction.ChangeDose));
    }

    [Fact]
    public async Task ProgramVersion_TrueRaceOnTwoContexts_SecondSaveThrowsConcurrency()
    {
        var (patient, _, _) = await LinkedPatientAsync("true-race");
        await using var scope1 = factory.Services.CreateAsyncScope();
        await using var scope2 = factory.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var p1 = await db1.PatientProfiles.SingleAsync(p => p.AccountId == patient);
        var p2 = await db2.PatientProfiles.SingleAsync(p => p.AccountId == patient);

        (p1.PainRule, p1.ProgramVersion) = (PainRule.Monitoring, p1.ProgramVersion + 1);
        (p2.ExcludedExercises, p2.ProgramVersion) = (new HashSet<ExerciseId> { ExerciseId.HipRaise }, p2.ProgramVersion + 1);
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        var stored = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == patient));
        Assert.Equal(PainRule.Monitoring, stored.PainRule);
        Assert.Empty(stored.ExcludedExercises);
    }

    [Fact]
    public async Task Save_UnlinkedClinician_NotFound_NothingStored()
    {
        var (patient, _, _) = await LinkedPatientAsync("unlinked");
        var stranger = await Clinicians.CreateAsync(factory, "stranger@example.com", "Dr Stranger");

        Assert.Equal(ProgramSaveOutcome.NotFound, await SaveAsync(stranger, patient, new ProgramChange(0) { PainRule = PainRule.Monitoring }));
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.AccountId == patient).Select(p => p.ProgramVersion).SingleAsync()));
    }

    [Fact]
    public async Task ClinicianDose_SurvivesTheMorningReviewOfTheSameDay()
    {
        var (id, clinician, _) = await LinkedPatientAsync("review");
        await SaveAsync(clinician, id, new ProgramChange(0)
        {
            Doses = new Dictionary<ExerciseId, DoseStep> { [ExerciseId.StraightLegRaise] = Step(ExerciseId.StraightLegRaise, "3x15-none") },
            Note = "Hold here",
        });

        await CheckInAsync(_patientClient, Answers());

        var dose = await factory.InDatabaseAsync(db => db.Doses.SingleAsync(d => d.AccountId == id && d.Exercise == ExerciseId.StraightLegRaise));
        Assert.Equal((3, 15, clinician, "Hold here"), (dose.Sets!.Value, dose.Reps!.Value, dose.SetBy, dose.Note));
    }

    [Fact]
    public async Task Save_PhaseWhilePausedForAWarningSign_KeepsThePause()
    {
        var (patient, clinician, _) = await LinkedPatientAsync("paused");
        await CheckInAsync(_patientClient, Answers(sign: "fever"));
        Assert.True((await StatesAsync(factory, patient)).Last().PausedForWarningSign);

        Assert.Equal(ProgramSaveOutcome.Saved, await SaveAsync(clinician, patient, new ProgramChange(0) { Phase = Phase.Return }));

        var state = (await StatesAsync(factory, patient)).Last();
        Assert.Equal((Phase.Return, clinician, true), (state.Phase, state.SetBy, state.PausedForWarningSign));
        Assert.Contains("paused", await (await _patientClient.GetAsync("/today")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ClinicianPhase_IsNotUndoneByTheSameDaysReview_ButAWarningSignStillPausesIt()
    {
        var (patient, clinician, _) = await LinkedPatientAsync("same-day");
        Assert.Equal(ProgramSaveOutcome.Saved, await SaveAsync(clinician, patient, new ProgramChange(0) { Phase = Phase.Settle, Note = "Rest it this week" }));

        // A flare today: the engine, judging from yesterday's restore, would step back; the clinician's settle stands.
        await CheckInAsync(_patientClient, Answers(painNow: 8));
        var state = (await StatesAsync(factory, patient)).Last();
        Assert.Equal((Phase.Settle, clinician, "Rest it this week", false), (state.Phase, state.SetBy, state.Note, state.PausedForWarningSign));
        Assert.True(await factory.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == patient).Select(c => c.Flare).SingleAsync()));

        // The check-in edited to add a fever: the safety net pauses the clinician's program (F3).
        await CheckInAsync(_patientClient, Answers(painNow: 8, sign: "fever"));
        state = (await StatesAsync(factory, patient)).Last();
        Assert.Equal((Phase.Settle, clinician, true), (state.Phase, state.SetBy, state.PausedForWarningSign));
    }
}
