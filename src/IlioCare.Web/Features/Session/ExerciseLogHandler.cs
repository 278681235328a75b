using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Session;

/// <summary>Writes today's log of one exercise (F7, F8): one per exercise per day, a second go replaces the first.</summary>
internal static class ExerciseLogHandler
{
    public static async Task SaveAsync(IlioCareDbContext db, string accountId, DateOnly today, SessionItem item,
        ExerciseLogAnswers answers, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await SaveOnceAsync(db, accountId, today, item, answers, clock, ct);
        }
        catch (DbUpdateException ex) when (ConstraintViolation.IsUnique(ex))
        {
            // A double tap (or a script's retry) inserted today's log between this request's read and its insert
            // (issue 13 finding 6): write over it, as a second go does. One row stays, nobody sees a 500.
            db.ChangeTracker.Clear();
            await SaveOnceAsync(db, accountId, today, item, answers, clock, ct);
        }
    }

    private static async Task SaveOnceAsync(IlioCareDbContext db, string accountId, DateOnly today, SessionItem item,
        ExerciseLogAnswers answers, TimeProvider clock, CancellationToken ct)
    {
        var exercise = item.Exercise.Id;
        var log = await db.ExerciseLogs.FirstOrDefaultAsync(l => l.AccountId == accountId && l.Date == today && l.Exercise == exercise, ct);
        if (log is null)
        {
            log = new ExerciseLogRecord { AccountId = accountId, Date = today, Exercise = exercise };
            db.ExerciseLogs.Add(log);
        }
        // The dose done is today's dose (what the player asked for), even when stopped part-way: the §6
        // rules judge the session at the dose it was tried at.
        log.Sets = item.Strength?.Sets;
        log.Reps = item.Strength?.Reps;
        log.Resistance = item.Strength?.Resistance;
        log.Count = item.Stretch?.Count;
        log.HoldSeconds = item.Stretch?.HoldSeconds;
        log.Completed = answers.Outcome == ExerciseOutcome.Done;
        log.StoppedForPain = answers.Outcome == ExerciseOutcome.PainWentUp;
        log.PainBefore = answers.PainBefore;
        log.PainDuring = answers.PainDuring;
        log.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
