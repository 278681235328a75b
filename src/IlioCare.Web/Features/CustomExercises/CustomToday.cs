using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>One of the clinician's own exercises on today's plan, and today's log of it.</summary>
public sealed record CustomTodayItem(CustomExerciseRecord Exercise, CustomExerciseLogRecord? Log);

/// <summary>
/// Today's custom exercises (issue 15): the patient's active ones whose days include today, after the catalogue session.
/// Whether they can be done today is Today's own status (TodayPlan): a warning sign or a holiday pauses them with the
/// rest of the program, and the check-in comes first, as for every exercise.
/// </summary>
internal static class CustomToday
{
    public static async Task<IReadOnlyList<CustomTodayItem>> LoadAsync(IlioCareDbContext db, string accountId, DateOnly today, CancellationToken ct)
    {
        var exercises = await db.CustomExercises.AsNoTracking().Where(e => e.PatientId == accountId && e.Active).OrderBy(e => e.Id).ToListAsync(ct);
        var onToday = exercises.Where(e => e.Definition.IsOn(today)).ToList();
        if (onToday.Count == 0) return [];
        var logs = await db.CustomExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date == today).ToListAsync(ct);
        return onToday.Select(e => new CustomTodayItem(e, logs.FirstOrDefault(l => l.CustomExerciseId == e.Id))).ToList();
    }
}
