using System.Globalization;
using CsvHelper;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Interop;

/// <summary>
/// The patient's logs as CSV for a spreadsheet (F14): one row per check-in, or one row per exercise log
/// (a session's exercises), with a header row, ISO dates, RFC 4180 quoting (CsvHelper) and CSV formula
/// injection escaped: a cell starting with = + - @ (or a tab or carriage return) gets a leading ' so a
/// spreadsheet shows it as text instead of running it (OWASP "CSV Injection").
/// </summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions s_options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    public static async Task<byte[]> CheckInsAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Date).ToListAsync(ct);
        return Write(
            ["date", "pain_morning", "stiffness_minutes", "pain_now", "warning_signs", "sport_minutes", "sport_minutes_by_activity",
             "hop_test_pain_free", "flare", "updated_at_utc"],
            rows.Select(c => new[]
            {
                Date(c.Date), Int(c.PainMorning), Int(c.StiffnessMinutes), Int(c.PainNow),
                string.Join(';', c.WarningSigns.Select(WireName.Of).Order(StringComparer.Ordinal)),
                Int(c.TotalSportMinutes),
                string.Join(';', c.SportMinutes.OrderBy(s => s.Key).Select(s => $"{WireName.Of(s.Key)}={Int(s.Value)}")),
                Bool(c.HopTestPainFree), Bool(c.Flare), Instant(c.UpdatedAtUtc),
            }));
    }

    public static async Task<byte[]> SessionsAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var rows = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId).ToListAsync(ct);
        // Issue 15: the clinician's own exercises, "custom" in the exercise column and their name in custom_exercise.
        var custom = await (from l in db.CustomExerciseLogs.AsNoTracking()
                            join e in db.CustomExercises on l.CustomExerciseId equals e.Id
                            where l.AccountId == accountId
                            select new { l, e.Name }).ToListAsync(ct);
        var catalogue = rows.OrderBy(l => l.Date).ThenBy(l => l.Exercise).Select(l => (l.Date, Cells: new[]
        {
            Date(l.Date), WireName.Of(l.Exercise), Int(l.Sets), Int(l.Reps), l.Resistance is { } r ? WireName.Of(r) : "",
            Int(l.Count), Int(l.HoldSeconds), Bool(l.Completed), Bool(l.StoppedForPain), Int(l.PainBefore), Int(l.PainDuring),
            Instant(l.RecordedAtUtc), Int(l.DoneCount), Int(l.PlannedCount), Outcome(l.Completed, l.StoppedForPain), "", "", "",
        }));
        var own = custom.OrderBy(x => x.l.Date).ThenBy(x => x.l.Id).Select(x => (x.l.Date, Cells: new[]
        {
            Date(x.l.Date), "custom", Int(x.l.Sets), Int(x.l.Reps), "", Int(x.l.Holds), Int(x.l.Seconds), Bool(x.l.Completed), Bool(x.l.StoppedForPain),
            Int(x.l.PainBefore), Int(x.l.PainDuring), Instant(x.l.RecordedAtUtc), "", "", Outcome(x.l.Completed, x.l.StoppedForPain),
            x.Name, Int(x.l.Minutes), Bool(x.l.PainRose),
        }));
        return Write(
            // sets … hold_seconds are the dose planned for the day; done_count/planned_count what was really counted
            // (issue 14), and outcome says done, partly-done or stopped-for-pain in one word.
            ["date", "exercise", "sets", "reps", "resistance", "count", "hold_seconds", "completed", "stopped_for_pain",
             "pain_before", "pain_during", "recorded_at_utc", "done_count", "planned_count", "outcome", "custom_exercise", "minutes", "pain_rose"],
            catalogue.Concat(own).OrderBy(r => r.Date).Select(r => (IReadOnlyList<string>)r.Cells));
    }

    /// <summary>Done, partly done (counted short of the plan, issue 14) or stopped for pain, in one word.</summary>
    private static string Outcome(bool completed, bool stoppedForPain) =>
        stoppedForPain ? "stopped-for-pain" : completed ? "done" : "partly-done";

    /// <summary>Writes a header and rows of text cells; every cell goes through CsvHelper's quoting and injection escape.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, s_options, leaveOpen: true))
        {
            foreach (var name in header) csv.WriteField(name);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell);
                csv.EndRecord();
            }
        }
        return bytes.ToArray();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Int(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Bool(bool? b) => b switch { true => "true", false => "false", null => "" };
}
