using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Today;

/// <summary>What today looks like for a patient, from the most to the least blocking state.</summary>
public enum TodayStatus
{
    /// <summary>No profile or no program state yet: onboarding first.</summary>
    NotOnboarded,
    /// <summary>A warning sign paused the program (F3): no exercise until a doctor has checked it.</summary>
    PausedForWarningSign,
    /// <summary>A holiday or illness pause covers today (F8).</summary>
    PausedByPatient,
    /// <summary>No check-in today: the engine runs after it (SPEC §6), so today's doses are not known yet.</summary>
    NoCheckIn,
    /// <summary>Checked in, not paused: today's session can be done.</summary>
    Ready,
}

/// <summary>
/// A patient's today, as Today and the session player both read it: the program state, today's check-in,
/// the session <see cref="SessionPlanner"/> builds from the doses in force today, and today's logs.
/// </summary>
public sealed record TodayPlan(TodayStatus Status, DateOnly Today)
{
    public PatientProfile? Profile { get; init; }
    public ProgramStateRecord? State { get; init; }
    public PauseRecord? Pause { get; init; }
    public CheckInRecord? CheckIn { get; init; }

    /// <summary>Today's session; with no check-in yet it is a preview (today's doses may still move).</summary>
    public IlioCare.Clinical.Program.Session? Session { get; init; }

    public IReadOnlyDictionary<ExerciseId, ExerciseLogRecord> Logs { get; init; } = new Dictionary<ExerciseId, ExerciseLogRecord>();

    public bool CanExercise => Status == TodayStatus.Ready;

    public SessionItem? Item(ExerciseId id) => Session?.Items.FirstOrDefault(i => i.Exercise.Id == id);

    /// <summary>The exercise after <paramref name="id"/> in the session's order, or null at the end.</summary>
    public SessionItem? After(ExerciseId id)
    {
        var items = Session?.Items ?? [];
        var index = items.ToList().FindIndex(i => i.Exercise.Id == id);
        return index >= 0 && index + 1 < items.Count ? items[index + 1] : null;
    }

    /// <summary>1-based position in the session, for "Exercise 2 of 8".</summary>
    public int Position(ExerciseId id) => (Session?.Items.ToList().FindIndex(i => i.Exercise.Id == id) ?? -1) + 1;
}

/// <summary>Loads <see cref="TodayPlan"/>: every query filters by the signed-in account (a patient sees only their rows).</summary>
internal static class TodayPlanner
{
    /// <summary>Today's plan, its queries on one open connection (issue 17: <see cref="OneConnection"/>).</summary>
    public static Task<TodayPlan> LoadAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct) =>
        db.OnOneConnectionAsync(() => ReadAsync(db, accountId, clock, ct), ct);

    private static async Task<TodayPlan> ReadAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile is null) return new(TodayStatus.NotOnboarded, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var today = PatientToday.Date(clock, profile.TimeZoneId);
        var state = await PatientProgram.StateOnAsync(db, accountId, today, ct);
        if (state is null) return new(TodayStatus.NotOnboarded, today) { Profile = profile };

        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == today, ct);
        var pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId && p.StartedOn <= today).ToListAsync(ct);
        var pause = pauses.FirstOrDefault(p => p.Covers(today));
        // The one decision (SafetyNet, F3): the stored state, or a sign in today's check-in that no resume has covered
        // (even before the morning review has written the paused state: the safety net must not depend on two writes).
        var warning = CheckIn.WarningSignPause.IsPaused(state, checkIn);
        var status = warning ? TodayStatus.PausedForWarningSign
            : pause is not null ? TodayStatus.PausedByPatient
            : checkIn is null ? TodayStatus.NoCheckIn
            : TodayStatus.Ready;

        var doses = await PatientProgram.DosesOnAsync(db, accountId, today, ct);
        var session = SessionPlanner.For(new SessionRequest(state.Phase, today)
        {
            Pause = status switch
            {
                TodayStatus.PausedForWarningSign => ProgramPause.WarningSign,
                TodayStatus.PausedByPatient => ProgramPause.HolidayOrIllness,
                TodayStatus.NotOnboarded or TodayStatus.NoCheckIn or TodayStatus.Ready => ProgramPause.None,
            },
            // Our choice: "sport today" is today's check-in with sport minutes > 0 (F8 keeps it editable all day).
            SportDay = checkIn is { TotalSportMinutes: > 0 },
            MassageExcluded = !profile.SelfMassageAllowed,
            ExcludedByClinician = profile.ExcludedExercises,
            StrengthDoses = doses.Values.Where(d => d.StrengthDose() is not null).ToDictionary(d => d.Exercise, d => d.StrengthDose()!.Value),
            StretchDoses = doses.Values.Where(d => d.StretchDose() is not null).ToDictionary(d => d.Exercise, d => d.StretchDose()!.Value),
            DoseReasons = doses.Values.ToDictionary(d => d.Exercise, d => d.Reason),
        });

        var logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date == today).ToListAsync(ct);
        return new(status, today)
        {
            Profile = profile,
            State = state,
            Pause = pause,
            CheckIn = checkIn,
            Session = session,
            Logs = logs.ToDictionary(l => l.Exercise),
        };
    }
}
