using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Offline;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Session;

/// <summary>
/// Writes today's log of one exercise (F7, F8): one per exercise per day, a second go replaces the first. A stop
/// for pain runs today's morning review again in the same transaction, so a second stop within 7 days steps the
/// program back at the moment it is logged (SPEC §4, clarified 2026-12-03; the Flare rule decides, H100).
/// </summary>
internal static class ExerciseLogHandler
{
    /// <summary>Saves the log (once per <paramref name="requestKey"/>, when given); true when this stop made today a flare (the phase stepped back, or settle started again).</summary>
    public static Task<bool> SaveAsync(IlioCareDbContext db, string accountId, DateOnly today, SessionItem item,
        ExerciseLogAnswers answers, string? requestKey, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return MorningReviewHandler.InDayTransactionAsync(db, accountId, async ct =>
        {
            db.ChangeTracker.Clear();
            // A post sent again (queued offline, replayed twice) is carried out once (issue 14).
            if (await RequestKeys.AlreadyDoneAsync(db, accountId, requestKey, RequestKeys.ExerciseLog, now, ct)) return false;
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
            // Honest logging (issue 14, H180): "done" is completed only when the count reached the plan; fewer is
            // partly done (not completed, not a stop), and the next review does not move the dose up (SPEC §6).
            var planned = SessionCount.Planned(item);
            var done = Math.Min(answers.DoneCount ?? (answers.Outcome == ExerciseOutcome.Done ? planned : 0), planned);
            log.PlannedCount = planned;
            log.DoneCount = done;
            log.Completed = answers.Outcome == ExerciseOutcome.Done && SessionCount.IsComplete(done, planned);
            // Our choice (H103): a stop stays a stop for the day. Pain that went up today still counts for the §6
            // step down and the §4 flare count when the exercise is tried again and finished, and a second go
            // cannot take back a step back the stop caused.
            log.StoppedForPain = log.StoppedForPain || answers.Outcome == ExerciseOutcome.PainWentUp;
            log.PainBefore = answers.PainBefore;
            log.PainDuring = answers.PainDuring;
            log.RecordedAtUtc = now;
            await db.SaveChangesAsync(ct);
            // A completed session whose pain rose steps its dose down tomorrow (§6) but is not a stop for the flare count.
            return answers.Outcome == ExerciseOutcome.PainWentUp
                && await MorningReviewHandler.ReviewAfterStopAsync(db, accountId, today, now, ct);
        }, ct);
    }
}
