using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// A clinician's edit of a patient's program (F13): each part null/empty when left as it is. <see cref="Version"/>
/// is the <see cref="PatientProfile.ProgramVersion"/> the clinician started from.
/// </summary>
public sealed record ProgramChange(int Version)
{
    public Phase? Phase { get; init; }
    public PainRule? PainRule { get; init; }
    public IReadOnlySet<ExerciseId>? Excluded { get; init; }
    public IReadOnlyDictionary<ExerciseId, DoseStep> Doses { get; init; } = new Dictionary<ExerciseId, DoseStep>();
    /// <summary>The clinician's note to the patient, shown with the new phase and doses on Today.</summary>
    public string? Note { get; init; }
    /// <summary>Null = unchanged; otherwise the whole new list of the patient's own exercises (issue 15).</summary>
    public IReadOnlyList<CustomExercises.CustomExerciseItem>? CustomExercises { get; init; }

    public const int NoteLength = 500;
}

public enum ProgramSaveOutcome { Saved, Unchanged, Conflict, NotFound, NotOnboarded }

/// <summary>
/// Saves a <see cref="ProgramChange"/> with optimistic concurrency: the version is checked and incremented in
/// the same transaction as the change and its audit rows (F15), and <see cref="PatientProfile.ProgramVersion"/> is
/// a concurrency token, so of two clinicians who started from the same version exactly one saves; the other
/// gets <see cref="ProgramSaveOutcome.Conflict"/> and nothing of theirs is stored.
/// </summary>
internal static class ProgramEditHandler
{
    /// <summary>
    /// Issue 13 finding 8: a program set before onboarding would give the patient a session without the triage of
    /// their own answers and the onboarding questions (hernia, aneurysm, surgery): nothing is saved.
    /// </summary>
    public const string NotOnboardedMessage = "This patient has not finished setting up their program yet (the onboarding questions). Nothing was saved: you can change the program once they have.";

    /// <summary>The general words; the page and the API add who changed what (<see cref="ProgramConflict"/>, issue 15).</summary>
    public const string ConflictMessage = "The program changed while you were editing. Nothing was saved; here is the program as it is now.";

    public static async Task<ProgramSaveOutcome> SaveAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        ProgramChange change, TimeProvider clock, CancellationToken ct)
    {
        if (!await CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct)) return ProgramSaveOutcome.NotFound;
        var name = await db.Users.Where(u => u.Id == clinicianId).Select(u => u.DisplayName ?? u.Email).FirstAsync(ct);
        var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
        var reason = note is null ? $"Set by {name}" : $"Set by {name}: {note}";
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                if (!await CareAccess.IsLinkedForWriteAsync(db, clinicianId, patientId, token)) return ProgramSaveOutcome.NotFound; // H67
                var profile = await db.PatientProfiles.FirstOrDefaultAsync(p => p.AccountId == patientId, token);
                if (profile is not { OnboardedAtUtc: not null }) return ProgramSaveOutcome.NotOnboarded;
                if (profile.ProgramVersion != change.Version) return ProgramSaveOutcome.Conflict;
                var today = PatientToday.Date(clock, profile.TimeZoneId);
                var program = new List<string>();
                if (change.Phase is { } phase)
                {
                    await SetPhaseAsync(db, clinicianId, patientId, today, phase, reason, note, now, token);
                    program.Add("phase " + WireName.Of(phase));
                }
                if (change.PainRule is { } rule && rule != profile.PainRule)
                {
                    profile.PainRule = rule;
                    program.Add("pain rule " + WireName.Of(rule));
                }
                if (change.Excluded is { } excluded && !excluded.SetEquals(profile.ExcludedExercises))
                {
                    profile.ExcludedExercises = excluded.ToHashSet();
                    program.Add("excluded [" + string.Join(", ", excluded.Order().Select(WireName.Of)) + "]");
                }
                var doses = await SetDosesAsync(db, clinicianId, patientId, today, change.Doses, reason, note, now, token);
                program.AddRange(await CustomExercises.CustomExerciseStore.ApplyAsync(db, clinicianId, patientId, change.CustomExercises, now, token));
                if (program.Count == 0 && doses.Count == 0) return ProgramSaveOutcome.Unchanged;

                profile.ProgramVersion = change.Version + 1;
                await db.SaveChangesAsync(token); // throws DbUpdateConcurrencyException when another edit got in first
                var version = $" (version {profile.ProgramVersion})";
                if (program.Count > 0)
                    await audit.RecordAsync(db, clinicianId, patientId, AuditAction.ChangeProgram, string.Join("; ", program) + version, now, token);
                foreach (var dose in doses)
                    await audit.RecordAsync(db, clinicianId, patientId, AuditAction.ChangeDose, dose + version, now, token);
                return ProgramSaveOutcome.Saved;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ProgramSaveOutcome.Conflict;
        }
    }

    /// <summary>
    /// The phase from today, every count restarting today (SPEC §4 "every count restarts at any phase change …
    /// by a clinician"). A warning-sign pause stays: only the patient's resume after a doctor's check lifts it (F3).
    /// </summary>
    private static async Task SetPhaseAsync(IlioCareDbContext db, string clinicianId, string patientId, DateOnly today, Phase phase,
        string reason, string? note, DateTime now, CancellationToken ct)
    {
        var current = await PatientProgram.StateOnAsync(db, patientId, today, ct);
        var own = await db.ProgramStates.FirstOrDefaultAsync(s => s.AccountId == patientId && s.EffectiveOn == today, ct);
        if (own is null)
        {
            own = new ProgramStateRecord { AccountId = patientId, EffectiveOn = today, Reason = "", SetBy = clinicianId };
            db.ProgramStates.Add(own);
        }
        (own.Phase, own.CountsFrom, own.PausedForWarningSign) = (phase, today, current?.PausedForWarningSign ?? false);
        own.Move = current is null || phase == current.Phase ? PhaseMove.Restart : phase > current.Phase ? PhaseMove.Advance : PhaseMove.StepBack;
        (own.Reason, own.SetBy, own.Note, own.RecordedAtUtc) = (reason, clinicianId, note, now);
    }

    /// <summary>Each dose from today; the action says how it moved from the dose in force (up: progress, down: regress).</summary>
    private static async Task<List<string>> SetDosesAsync(IlioCareDbContext db, string clinicianId, string patientId, DateOnly today,
        IReadOnlyDictionary<ExerciseId, DoseStep> doses, string reason, string? note, DateTime now, CancellationToken ct)
    {
        var changed = new List<string>();
        if (doses.Count == 0) return changed;
        var inForce = await PatientProgram.DosesOnAsync(db, patientId, today, ct);
        var todays = await db.Doses.Where(d => d.AccountId == patientId && d.EffectiveFrom == today).ToListAsync(ct);
        foreach (var (id, step) in doses.OrderBy(d => d.Key))
        {
            // An exercise never dosed is at its floor (PatientProgram); a dose given equal to the one in force is a hold.
            var before = inForce.TryGetValue(id, out var r) ? DoseSteps.Of(id, r.StrengthDose(), r.StretchDose()) : DoseSteps.For(id)[0];
            var dose = todays.FirstOrDefault(d => d.Exercise == id);
            if (dose is null)
            {
                dose = new DoseRecord { AccountId = patientId, Exercise = id, EffectiveFrom = today, Reason = "", SetBy = clinicianId };
                db.Doses.Add(dose);
            }
            (dose.Sets, dose.Reps, dose.Resistance) = (step.Strength?.Sets, step.Strength?.Reps, step.Strength?.Resistance);
            (dose.Count, dose.HoldSeconds) = (step.Stretch?.Count, step.Stretch?.HoldSeconds);
            dose.Action = before is null || before.Index == step.Index ? ProgressionAction.Hold
                : step.Index > before.Index ? ProgressionAction.Progress : ProgressionAction.Regress;
            (dose.Reason, dose.SetBy, dose.Note, dose.RecordedAtUtc) = (reason, clinicianId, note, now);
            changed.Add($"{WireName.Of(id)} {step.Label} ({WireName.Of(dose.Action)})");
        }
        return changed;
    }
}
