using IlioCare.Clinical.Custom;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>
/// Writes today's log of a clinician's own exercise (issue 15), as ExerciseLogHandler does for the catalogue: one per
/// exercise per day, a second go replaces it, a stop stays a stop for the day (H103). A stop or a pain rise on it counts
/// toward a flare (SPEC §4), so it runs today's review again in the same transaction, like a catalogue stop; it moves no
/// dose (it has none on a ladder, and the catalogue's doses read only their own logs).
/// </summary>
internal static class CustomLogHandler
{
    /// <summary>The count that completes a session of <paramref name="exercise"/> (the rule: <see cref="CustomExerciseRules.PlannedCount"/>).</summary>
    public static int PlannedCount(CustomExerciseRecord exercise) =>
        CustomExerciseRules.PlannedCount(new CustomDose(exercise.DoseType, exercise.Sets, exercise.Reps, exercise.Holds, exercise.Seconds, exercise.Minutes), exercise.Sides);

    /// <summary>Saves the log; true when it made today a flare.</summary>
    public static Task<bool> SaveAsync(IlioCareDbContext db, string accountId, DateOnly today, CustomExerciseRecord exercise,
        ExerciseLogAnswers answers, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return MorningReviewHandler.InDayTransactionAsync(db, accountId, async ct =>
        {
            db.ChangeTracker.Clear();
            var rule = await db.PatientProfiles.Where(p => p.AccountId == accountId).Select(p => p.PainRule).FirstAsync(ct);
            var log = await db.CustomExerciseLogs.FirstOrDefaultAsync(l => l.AccountId == accountId && l.Date == today && l.CustomExerciseId == exercise.Id, ct);
            if (log is null)
            {
                log = new CustomExerciseLogRecord { AccountId = accountId, Date = today, CustomExerciseId = exercise.Id };
                db.CustomExerciseLogs.Add(log);
            }
            var wasStop = log.CountsAsStop;
            (log.DoseType, log.Sets, log.Reps, log.Holds, log.Seconds, log.Minutes) =
                (exercise.DoseType, exercise.Sets, exercise.Reps, exercise.Holds, exercise.Seconds, exercise.Minutes);
            // Honest logging (issue 14): "Done" short of the plan is partly done, as for a catalogue exercise.
            log.Completed = answers.Outcome == ExerciseOutcome.Done && (answers.DoneCount is not { } done || done >= PlannedCount(exercise));
            log.StoppedForPain = log.StoppedForPain || answers.Outcome == ExerciseOutcome.PainWentUp;
            log.PainRose = log.PainRose || CustomExerciseRules.CountsAsStop(false, answers.PainBefore, answers.PainDuring, rule);
            log.PainBefore = answers.PainBefore;
            log.PainDuring = answers.PainDuring;
            log.RecordedAtUtc = now;
            await db.SaveChangesAsync(ct);
            // Only a new stop re-runs the review: the day's review is judged from the state the day began in (H100), so a
            // second save of the same stop could not change it anyway.
            return log.CountsAsStop && !wasStop && await MorningReviewHandler.ReviewAfterStopAsync(db, accountId, today, now, ct);
        }, ct);
    }
}
