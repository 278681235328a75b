using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>One exercise log as the clinician reads it (issue 15): the day, what was planned and done, the pains, and how it ended.</summary>
public sealed record SessionLine(long Id, DateOnly Date, ExerciseId Exercise, string Planned, string Done, int PainBefore, int PainDuring, string Outcome, bool Stopped);

/// <summary>
/// Every exercise log of a patient, newest first (issue 15 "Sessions"), optionally of one exercise. "Planned" is the dose
/// in force that day (the stored dose history, as Today showed it; the ladder's floor before any dose), "done" is what
/// the patient logged. The outcome words are the player's three honest endings: "Stopped: pain went up" when stopped for
/// pain, "Partly done" when not completed (issue 14's partial logs), "Done" otherwise.
/// </summary>
internal static class PatientSessions
{
    /// <param name="words">The doses in the reader's language.</param>
    /// <param name="bareSets">"3 sets of 12" in the reader's language, for a log that did not record a band.</param>
    /// <param name="doneText">The word for a completed log with no counts.</param>
    public static async Task<IReadOnlyList<SessionLine>> LoadAsync(IlioCareDbContext db, string patientId, ExerciseId? exercise,
        DoseWords words, Func<int, int, string> bareSets, string doneText, CancellationToken ct)
    {
        var logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == patientId && (exercise == null || l.Exercise == exercise)).ToListAsync(ct);
        var doses = (await db.Doses.AsNoTracking().Where(d => d.AccountId == patientId && (exercise == null || d.Exercise == exercise)).ToListAsync(ct))
            .ToLookup(d => d.Exercise);
        return logs.OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).Select(l =>
        {
            var inForce = doses[l.Exercise].Where(d => d.EffectiveFrom <= l.Date).OrderBy(d => d.EffectiveFrom).ThenBy(d => d.Id).LastOrDefault();
            return new SessionLine(l.Id, l.Date, l.Exercise, words.Of(ExerciseCatalogue.Get(l.Exercise), inForce), Done(l, words, bareSets, doneText), l.PainBefore, l.PainDuring, Outcome(l), l.StoppedForPain);
        }).ToArray();
    }

    /// <summary>The three endings of a session (issue 14/15 wording).</summary>
    public static string Outcome(ExerciseLogRecord log) =>
        log.StoppedForPain ? "Stopped: pain went up" : !log.Completed ? "Partly done" : "Done";

    private static string Done(ExerciseLogRecord log, DoseWords words, Func<int, int, string> bareSets, string doneText)
    {
        if (log is { Sets: { } sets, Reps: { } reps }) return log.Resistance is { } r ? words.Of(new Dose(sets, reps, r)) : bareSets(sets, reps);
        if (log is { Count: { } count, HoldSeconds: { } hold }) return words.Of(new StretchDose(count, hold));
        return log.Completed ? doneText : "–";
    }
}
