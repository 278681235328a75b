using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

using IlioCare.Web.Features.Offline;
using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// Saves a day's check-in and runs the morning review on it (SPEC §6: "the app runs the engine after the
/// morning check-in"), all in one transaction: a check-in is never stored without its review.
/// </summary>
internal static class MorningReviewHandler
{
    /// <summary>
    /// Saves the check-in of <paramref name="day"/> — today, or yesterday when <see cref="LateCheckIn"/> allowed it —
    /// and runs that day's review. <paramref name="requestKey"/> (optional) makes a repeated post a no-op.
    /// </summary>
    public static async Task<CheckInSave> SaveAsync(IlioCareDbContext db, string accountId, DateOnly day, CheckInAnswers answers,
        string? requestKey, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await InDayTransactionAsync(db, accountId, async ct =>
        {
            db.ChangeTracker.Clear();
            return await WriteAsync(db, accountId, day, answers, requestKey, now, history: null, ct);
        }, ct);
    }

    /// <summary>
    /// The check-in page's post (issue 17): the history is read once, inside the transaction, for both the form's checks
    /// (<paramref name="decide"/>: which day, the hop-test question, the answers — or null when nothing may be saved) and
    /// the review after the write. The history comes back for the page to show when nothing was saved (null: not onboarded).
    /// <paramref name="decide"/> may run more than once (a retried transaction) and must only read the history.
    /// </summary>
    public static async Task<(CheckInSave Result, PatientHistory? History)> SaveAsync(IlioCareDbContext db, string accountId,
        Func<PatientHistory, CheckInToSave?> decide, string? requestKey, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await InDayTransactionAsync(db, accountId, async ct =>
        {
            db.ChangeTracker.Clear();
            // The window of the day before yesterday: a late check-in's hop-test question reviews it (LateCheckIn).
            var history = await PatientHistory.LoadForReviewAsync(db, accountId, p => Today.PatientToday.Date(clock, p.TimeZoneId).AddDays(-2), ct);
            if (history is null || decide(history) is not { } toSave) return (CheckInSave.NotSaved, history);
            return (await WriteAsync(db, accountId, toSave.Day, toSave.Answers, requestKey, now, history, ct), history);
        }, ct);
    }

    /// <summary>Writes the day's check-in and reviews the day, in the caller's transaction; reviews from <paramref name="history"/> when given.</summary>
    private static async Task<CheckInSave> WriteAsync(IlioCareDbContext db, string accountId, DateOnly day, CheckInAnswers answers,
        string? requestKey, DateTime now, PatientHistory? history, CancellationToken ct)
    {
        if (await RequestKeys.AlreadyDoneAsync(db, accountId, requestKey, RequestKeys.CheckIn, now, ct)) return CheckInSave.AlreadySaved;
        // A late check-in (issue 14) must not change a day that a later check-in's review has already judged
        // from: checked here, in the transaction, so a check-in of today racing it cannot slip in between.
        if (await db.CheckIns.AnyAsync(c => c.AccountId == accountId && c.Date > day, ct)) return CheckInSave.LaterCheckInExists;
        // Only this day's row is ever written: older check-ins can no longer change (F8).
        var record = await db.CheckIns.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == day, ct);
        if (record is null)
        {
            record = new CheckInRecord { AccountId = accountId, Date = day, CreatedAtUtc = now };
            db.CheckIns.Add(record);
        }
        record.PainMorning = answers.PainMorning;
        record.StiffnessMinutes = answers.StiffnessMinutes;
        record.PainNow = answers.PainNow;
        record.WarningSigns = answers.WarningSigns;
        record.SportMinutes = answers.SportMinutes;
        record.HopTestPainFree = answers.HopTestPainFree;
        record.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
        await ReviewAsync(db, accountId, day, now, ct, history is null ? null : (history.WithCheckIn(record), record));
        return CheckInSave.Saved;
    }

    /// <summary>
    /// Runs today's review again inside the caller's transaction after an exercise was logged as stopped for pain:
    /// SPEC §4 (clarified 2026-12-03) makes a second stop within 7 days a flare "at the moment it is logged", so the
    /// phase steps back now, not at the next check-in edit (H100). True when that stop made today a flare.
    /// </summary>
    public static Task<bool> ReviewAfterStopAsync(IlioCareDbContext db, string accountId, DateOnly today, DateTime now, CancellationToken ct) =>
        ReviewAsync(db, accountId, today, now, ct);

    /// <summary>
    /// A unit that writes today's records, in a transaction. Two writers of the same day (two exercise logs sent at
    /// once, a log and a check-in edit) can both insert today's state, dose or log row; on PostgreSQL the second
    /// insert then fails on the unique index. Every such unit judges from the state before today, so running it again
    /// from the start gives the same answer: it is retried (a few times) instead of answering 500, and the program
    /// steps back once, not twice (H102). On PostgreSQL the unit first locks the patient's profile row, so one
    /// patient's day units run one after another across instances (SQLite's write gate already does that).
    /// </summary>
    public static async Task<T> InDayTransactionAsync<T>(IlioCareDbContext db, string accountId, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(async ct =>
                {
                    if (db.Database.IsNpgsql())
                        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"PatientProfiles\" WHERE \"AccountId\" = {accountId} FOR UPDATE", ct);
                    return await work(ct);
                }, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Runs today's review again (after a pause starts or ends) inside its own transaction.
    /// </summary>
    public static async Task ReviewAgainAsync(IlioCareDbContext db, string accountId, DateOnly today, TimeProvider clock, CancellationToken ct) =>
        await InDayTransactionAsync(db, accountId, async ct =>
        {
            db.ChangeTracker.Clear();
            return await ReviewAsync(db, accountId, today, clock.GetUtcNow().UtcDateTime, ct);
        }, ct);

    /// <summary>
    /// Judges today from the state and doses before today (so a re-run after an edit rewrites today's records
    /// and never moves twice) and writes: today's flare mark, today's state record when the program moved (and
    /// removes the engine's earlier one when it no longer does), and today's dose record of every exercise in
    /// the program — our choice: one per exercise every review, so "the reason for today's dose" always exists.
    /// True when this run made today a flare that was not one before.
    /// </summary>
    private static async Task<bool> ReviewAsync(IlioCareDbContext db, string accountId, DateOnly today, DateTime now, CancellationToken ct,
        (PatientHistory History, CheckInRecord CheckIn)? loaded = null)
    {
        // Only what the rules reach back to (ReviewWindow): the cost stays flat in the years of history (issue 17).
        var history = loaded?.History ?? await PatientHistory.LoadForReviewAsync(db, accountId, _ => today, ct);
        var checkIn = loaded?.CheckIn ?? await db.CheckIns.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == today, ct);
        if (history is null || checkIn is null || history.RequestFor(today) is not { } request) return false;
        var review = MorningReview.Run(request);

        var newFlare = review.Phase.IsFlare && !checkIn.Flare;
        checkIn.Flare = review.Phase.IsFlare;
        await WriteStateAsync(db, accountId, today, review.Phase, now, ct);

        var excluded = history.Profile.ExcludedExercises;
        var existing = await db.Doses.Where(d => d.AccountId == accountId && d.EffectiveFrom == today).ToListAsync(ct);
        foreach (var (id, decision) in review.Strength.Where(p => !excluded.Contains(p.Key)))
        {
            if (DoseOfToday(db, existing, accountId, id, today) is not { } dose) continue;
            (dose.Sets, dose.Reps, dose.Resistance, dose.Count, dose.HoldSeconds) = (decision.Next.Sets, decision.Next.Reps, decision.Next.Resistance, null, null);
            (dose.Action, dose.Reason, dose.RecordedAtUtc) = (decision.Action, decision.Reason, now);
        }
        foreach (var (id, decision) in review.Stretches.Where(p => !excluded.Contains(p.Key)))
        {
            if (DoseOfToday(db, existing, accountId, id, today) is not { } dose) continue;
            (dose.Sets, dose.Reps, dose.Resistance, dose.Count, dose.HoldSeconds) = (null, null, null, decision.Next.Count, decision.Next.HoldSeconds);
            (dose.Action, dose.Reason, dose.RecordedAtUtc) = (decision.Action, decision.Reason, now);
        }
        await db.SaveChangesAsync(ct);
        return newFlare;
    }

    /// <summary>Today's engine record of the exercise (new or the one to rewrite); null when a clinician set today's dose by hand.</summary>
    private static DoseRecord? DoseOfToday(IlioCareDbContext db, List<DoseRecord> existing, string accountId, ExerciseId id, DateOnly today)
    {
        var dose = existing.FirstOrDefault(d => d.Exercise == id);
        if (dose is not null) return dose.SetBy == PatientHistory.Engine ? dose : null;
        dose = new DoseRecord { AccountId = accountId, Exercise = id, EffectiveFrom = today, Reason = "", SetBy = PatientHistory.Engine };
        db.Doses.Add(dose);
        return dose;
    }

    private static async Task WriteStateAsync(IlioCareDbContext db, string accountId, DateOnly today, PhaseDecision decision, DateTime now, CancellationToken ct)
    {
        var own = await db.ProgramStates.FirstOrDefaultAsync(s => s.AccountId == accountId && s.EffectiveOn == today, ct);
        if (own is not null && PatientHistory.IsClinician(own.SetBy) && decision.Move != PhaseMove.Stay)
        {
            // A clinician set today's phase (F13, "the engine continues from there"): the engine judged from the
            // state before today, so its move must not undo the clinician's. The safety net still comes first
            // (F3): a warning sign pauses the clinician's program too. A flare keeps the clinician's phase for
            // today; the check-in is marked as a flare, so the caseload alerts the clinician (docs/safety.md).
            if (decision.Move == PhaseMove.Pause && !own.PausedForWarningSign)
                (own.PausedForWarningSign, own.Reason, own.RecordedAtUtc) = (true, decision.Reason, now);
            return;
        }
        if (decision.Move == PhaseMove.Stay)
        {
            // A re-run that now says "stay" takes back the engine's earlier move of today; a record set today by
            // onboarding, the patient's resume or a clinician stays.
            if (own is not { SetBy: PatientHistory.Engine }) return;
            if (await db.ProgramStates.AnyAsync(s => s.AccountId == accountId && s.EffectiveOn < today, ct))
            {
                db.ProgramStates.Remove(own);
                return;
            }
            // The first day: the engine's move had replaced onboarding's start; put the start back as it was.
            (own.Phase, own.CountsFrom, own.PausedForWarningSign) = (decision.Next.Phase, decision.Next.CountsFrom, decision.Next.PausedForWarningSign);
            (own.Move, own.Reason, own.SetBy, own.RecordedAtUtc) = (PhaseMove.Stay, decision.Reason, "onboarding", now);
            return;
        }
        if (own is null)
        {
            own = new ProgramStateRecord { AccountId = accountId, EffectiveOn = today, Reason = "", SetBy = PatientHistory.Engine };
            db.ProgramStates.Add(own);
        }
        // The time of the move stays that of its first review: a warning-sign pause "began" then (F3 resume).
        if (own.RecordedAtUtc == default || own.Move != decision.Move || own.SetBy != PatientHistory.Engine) own.RecordedAtUtc = now;
        var next = decision.Next;
        (own.Phase, own.CountsFrom, own.PausedForWarningSign) = (next.Phase, next.CountsFrom, next.PausedForWarningSign);
        (own.Move, own.Reason, own.SetBy) = (decision.Move, decision.Reason, PatientHistory.Engine);
    }
}

/// <summary>What became of a posted check-in.</summary>
internal enum CheckInSave
{
    Saved,
    /// <summary>Its idempotency key was carried out before: nothing was written again.</summary>
    AlreadySaved,
    /// <summary>A late check-in, but a check-in of a later day exists: nothing was written (<see cref="LateCheckIn"/>).</summary>
    LaterCheckInExists,
    /// <summary>The page's checks refused the form (or no program yet): nothing was written.</summary>
    NotSaved,
}

/// <summary>The day a posted check-in is for, and its checked answers: what the page decided may be saved.</summary>
internal sealed record CheckInToSave(DateOnly Day, CheckInAnswers Answers);
