using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// One exercise of the current phase with the dose record in force today (null: the starting dose) and the reason
/// that set it; the page puts the dose in words with <see cref="Today.DoseWords"/>.
/// </summary>
internal sealed record PhaseExercise(Exercise Exercise, DoseRecord? Dose, string? Reason)
{
    /// <summary>The API's dose text: IlioCare.Clinical's own English, unchanged for programs (docs/words.md).</summary>
    public string DoseText => Exercise.Kind switch
    {
        ExerciseKind.Strength => (Dose?.StrengthDose() ?? Ladder.Floor).ToString(),
        ExerciseKind.Stretch => (Dose?.StretchDose() ?? StretchLadder.Floor(Exercise.Id)).ToString(),
        ExerciseKind.Massage or ExerciseKind.WarmUp => Exercise.DoseText,
    };
}

/// <summary>What the program page shows (F5): the state, its history, the progress towards the next move, pauses, exercises.</summary>
internal sealed record ProgramOverview(
    PatientProfile Profile,
    DateOnly Today,
    ProgramStateRecord State,
    IReadOnlyList<ProgramStateRecord> History,
    string? Progress,
    PauseRecord? HolidayPause,
    IReadOnlyList<PhaseExercise> Exercises)
{
    /// <summary>Paused by a warning sign today: the one decision Today and the paused page also ask (SafetyNet, F3).</summary>
    public bool PausedForWarningSign { get; init; }
}

/// <summary>Loads the program page for the signed-in patient only (every query filters by their account id).</summary>
internal static class ProgramOverviewHandler
{
    public static async Task<ProgramOverview?> LoadAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile?.OnboardedAtUtc is null) return null;
        var today = PatientToday.Date(clock, profile.TimeZoneId);

        var history = (await db.ProgramStates.AsNoTracking().Where(s => s.AccountId == accountId && s.EffectiveOn <= today).ToListAsync(ct))
            .OrderByDescending(s => s.EffectiveOn).ToArray();
        if (history.Length == 0) return null;
        var state = history[0];

        var pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct);
        var doses = await PatientProgram.DosesOnAsync(db, accountId, today, ct);
        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == today, ct);
        var paused = CheckIn.WarningSignPause.IsPaused(state, checkIn);
        var progress = paused ? null : await ProgressAsync(db, profile, state, pauses, today, ct);

        return new(profile, today, state, history, progress, pauses.FirstOrDefault(p => p.Covers(today)), Exercises(profile, state.Phase, doses))
        {
            PausedForWarningSign = paused,
        };
    }

    /// <summary>
    /// The engine's own words on how far the count has got ("2 of 3 days in a row so far"): <see cref="MorningReview.Run"/>
    /// (the phase on the doses that same review set, so this page, the plan and the hop-test question agree, H101)
    /// re-run on the stored evidence for the latest check-in day, today or yesterday (an older one cannot be part of a
    /// run that is still going). Null when there is nothing honest to say: paused, or the engine would move (the
    /// morning review has not stored that yet).
    /// </summary>
    private static async Task<string?> ProgressAsync(IlioCareDbContext db, PatientProfile profile, ProgramStateRecord state,
        IReadOnlyCollection<PauseRecord> pauses, DateOnly today, CancellationToken ct)
    {
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == profile.AccountId && c.Date <= today).ToListAsync(ct);
        var day = checkIns.Any(c => c.Date == today) ? today : today.AddDays(-1);
        if (!checkIns.Any(c => c.Date == day) || day < state.CountsFrom)
            return null;

        if (await PatientHistory.LoadAsync(db, profile.AccountId, ct) is not { } history || history.RequestFor(day) is not { } request)
            return null;
        var decision = MorningReview.Run(request).Phase;
        return decision.Move == PhaseMove.Stay ? decision.Reason : null;
    }

    private static PhaseExercise[] Exercises(PatientProfile profile, Phase phase, IReadOnlyDictionary<ExerciseId, DoseRecord> doses) =>
        ExerciseCatalogue.ForPhase(phase)
            .Where(e => !profile.ExcludedExercises.Contains(e.Id))
            .Where(e => e.Kind != ExerciseKind.Massage || profile.SelfMassageAllowed)
            .Select(e => doses.GetValueOrDefault(e.Id) is { } record ? new PhaseExercise(e, record, record.Reason) : new PhaseExercise(e, null, null))
            .ToArray();
}
