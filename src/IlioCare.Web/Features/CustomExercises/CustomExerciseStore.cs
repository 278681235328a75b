using IlioCare.Clinical.Custom;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>
/// Clinicians' own exercises (issue 15): a clinician's library (theirs alone: no patient and no other clinician reads or
/// uses it) and the exercises in a patient's program (read by the patient and the clinicians linked to them).
/// </summary>
internal static class CustomExerciseStore
{
    /// <summary>The clinician's library, oldest first. Only the author's own rows: the one filter that keeps it theirs.</summary>
    public static Task<List<CustomExerciseRecord>> LibraryAsync(IlioCareDbContext db, string clinicianId, CancellationToken ct) =>
        db.CustomExercises.AsNoTracking().Where(e => e.AuthorId == clinicianId && e.PatientId == null && e.Active)
            .OrderBy(e => e.Id).ToListAsync(ct);

    public static async Task<CustomExerciseRecord> AddToLibraryAsync(IlioCareDbContext db, string clinicianId, CustomExerciseDefinition definition,
        DateTime now, CancellationToken ct)
    {
        var row = new CustomExerciseRecord
        {
            AuthorId = clinicianId, Name = "", Steps = "", SafetyNote = "", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        row.Set(definition);
        db.CustomExercises.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The exercises in the patient's program now (the caller has checked who may read them).</summary>
    public static Task<List<CustomExerciseRecord>> ForPatientAsync(IlioCareDbContext db, string patientId, CancellationToken ct) =>
        db.CustomExercises.AsNoTracking().Where(e => e.PatientId == patientId && e.Active).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>
    /// What is wrong with the ids of a program's <c>customExercises</c>, by JSON path: a kept id must be one of this
    /// patient's exercises, a library id one of this clinician's library (never another clinician's).
    /// </summary>
    public static async Task<Dictionary<string, string[]>> CheckItemsAsync(IlioCareDbContext db, string clinicianId, string patientId,
        IReadOnlyList<CustomExerciseItem> items, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mine = (await ForPatientAsync(db, patientId, ct)).Select(e => e.Id).ToHashSet();
        var library = (await LibraryAsync(db, clinicianId, ct)).Select(e => e.Id).ToHashSet();
        var seen = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case KeepCustomExercise k when !mine.Contains(k.Id):
                    errors[$"customExercises[{i}].id"] = ["is not one of this patient's exercises"];
                    break;
                case KeepCustomExercise k when !seen.Add(k.Id):
                    errors[$"customExercises[{i}].id"] = ["appears more than once"];
                    break;
                case CopyLibraryExercise c when !library.Contains(c.LibraryId):
                    errors[$"customExercises[{i}].libraryId"] = ["is not an exercise of your library"];
                    break;
            }
        }
        return errors;
    }

    /// <summary>
    /// Makes the patient's exercises the list given (inside the program edit's transaction, ProgramEditHandler): kept ones
    /// stay, library ones are copied in, new ones are added, the rest are taken out (their logs stay as history).
    /// Returns what changed, for the audit row; ids that are not allowed (CheckItemsAsync) are left out.
    /// </summary>
    public static async Task<List<string>> ApplyAsync(IlioCareDbContext db, string clinicianId, string patientId,
        IReadOnlyList<CustomExerciseItem>? items, DateTime now, CancellationToken ct)
    {
        var changed = new List<string>();
        if (items is null) return changed;
        var current = await db.CustomExercises.Where(e => e.PatientId == patientId && e.Active).ToListAsync(ct);
        var keep = items.OfType<KeepCustomExercise>().Select(k => k.Id).ToHashSet();
        foreach (var gone in current.Where(e => !keep.Contains(e.Id)))
        {
            gone.Active = false;
            gone.UpdatedAtUtc = now;
            changed.Add($"custom exercise {gone.Id} taken out");
        }
        var libraryIds = items.OfType<CopyLibraryExercise>().Select(c => c.LibraryId).ToHashSet();
        var library = await db.CustomExercises.AsNoTracking()
            .Where(e => libraryIds.Contains(e.Id) && e.AuthorId == clinicianId && e.PatientId == null && e.Active).ToDictionaryAsync(e => e.Id, ct);
        var added = new List<CustomExerciseRecord>();
        foreach (var item in items)
        {
            var definition = item switch
            {
                NewCustomExercise n => n.Definition,
                CopyLibraryExercise c when library.TryGetValue(c.LibraryId, out var source) => source.Definition,
                _ => null,
            };
            if (definition is null) continue;
            var row = new CustomExerciseRecord
            {
                AuthorId = clinicianId, PatientId = patientId, Name = "", Steps = "", SafetyNote = "", CreatedAtUtc = now, UpdatedAtUtc = now,
                CopiedFromId = item is CopyLibraryExercise copy ? copy.LibraryId : null,
            };
            row.Set(definition);
            db.CustomExercises.Add(row);
            added.Add(row);
        }
        if (added.Count > 0)
        {
            await db.SaveChangesAsync(ct); // the ids, for the audit row
            changed.AddRange(added.Select(a => $"custom exercise {a.Id} added ({a.Definition.Dose.Text})"));
        }
        return changed;
    }

    /// <summary>Whether a clinician may read the patient's exercises (an active link; F15), as every clinician read.</summary>
    public static Task<bool> MayReadAsync(IlioCareDbContext db, string clinicianId, string patientId, CancellationToken ct) =>
        CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct);
}
