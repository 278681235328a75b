using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// Reads a patient's program as it stood on a local day: the state record and the dose records in force
/// then (the latest on or before the day). Shared by Today, the check-in's morning review and the program page.
/// </summary>
internal static class PatientProgram
{
    public static Task<ProgramStateRecord?> StateOnAsync(IlioCareDbContext db, string accountId, DateOnly day, CancellationToken ct) =>
        db.ProgramStates.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.EffectiveOn <= day)
            .OrderByDescending(s => s.EffectiveOn).FirstOrDefaultAsync(ct);

    /// <summary>The dose record of each exercise in force on <paramref name="day"/>; exercises never dosed are absent (they start at the floor).</summary>
    public static Task<IReadOnlyDictionary<ExerciseId, DoseRecord>> DosesOnAsync(IlioCareDbContext db, string accountId, DateOnly day, CancellationToken ct) =>
        DosesInForceAsync(db, accountId, day, ct);

    /// <summary>
    /// The latest dose record of each exercise with EffectiveFrom ≤ <paramref name="day"/>, in one statement of one
    /// "newest first, take 1" per exercise: each is a seek on the (AccountId, Exercise, EffectiveFrom) index, so the cost
    /// stays flat however many daily dose records years of reviews have written (issue 7; a GROUP BY over all of them
    /// grew with the history).
    /// </summary>
    public static async Task<IReadOnlyDictionary<ExerciseId, DoseRecord>> DosesInForceAsync(IlioCareDbContext db, string accountId, DateOnly day, CancellationToken ct)
    {
        var latest = Enum.GetValues<ExerciseId>().Select(id => db.Doses.AsNoTracking()
                .Where(d => d.AccountId == accountId && d.Exercise == id && d.EffectiveFrom <= day)
                .OrderByDescending(d => d.EffectiveFrom).Take(1))
            .Aggregate((a, b) => a.Concat(b));
        var records = await latest.ToListAsync(ct);
        return records.ToDictionary(d => d.Exercise);
    }

    public static Dose? StrengthDose(this DoseRecord record) =>
        record is { Sets: { } sets, Reps: { } reps, Resistance: { } resistance } ? new Dose(sets, reps, resistance) : null;

    public static StretchDose? StretchDose(this DoseRecord record) =>
        record is { Count: { } count, HoldSeconds: { } hold } ? new StretchDose(count, hold) : null;
}
