using System.Globalization;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// Why a program save was refused (issue 15): what changed since the version the form started from and who changed it,
/// read from the audit rows that saved those versions (F15 logs every change with its version). The same clinician in a
/// second tab is told so ("You changed … in another tab or window"), never "another clinician".
/// </summary>
internal static partial class ProgramConflict
{
    /// <summary>How many of the patient's latest change rows are read: more than any realistic burst of edits.</summary>
    private const int Lookback = 50;

    public static async Task<string> ExplainAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId, int fromVersion, CancellationToken ct)
    {
        var subject = audit.Pseudonym(patientId);
        var rows = await db.AuditLog.AsNoTracking()
            .Where(e => e.Subject == subject && (e.Action == AuditAction.ChangeProgram || e.Action == AuditAction.ChangeDose))
            .OrderByDescending(e => e.Sequence).Take(Lookback).ToListAsync(ct);
        var changes = rows.Select(e => (Entry: e, Version: VersionOf(e.Detail))).Where(x => x.Version > fromVersion).OrderBy(x => x.Entry.Sequence).ToArray();
        if (changes.Length == 0) return "The program changed while you were editing. Nothing was saved; here is the program as it is now.";

        // Who: the clinicians who ever followed this patient, by pseudonym (the log holds no account ids).
        var staff = await (from l in db.CareLinks
                           join u in db.Users on l.ClinicianId equals u.Id
                           where l.PatientId == patientId
                           select new { u.Id, u.DisplayName, u.Email }).Distinct().ToListAsync(ct);
        var names = staff.DistinctBy(s => s.Id).ToDictionary(s => audit.Pseudonym(s.Id), s => CaseloadHandler.NameOf(s.DisplayName, s.Email));
        var me = audit.Pseudonym(clinicianId);
        var who = changes.Select(c => c.Entry.Actor).Distinct().Select(a => a == me ? "you, in another tab or window" : names.GetValueOrDefault(a, "a former clinician")).ToArray();
        var at = changes[^1].Entry.AtUtc.ToString("HH:mm", CultureInfo.InvariantCulture);
        var what = string.Join("; ", changes.SelectMany(c => Parts(c.Entry.Detail!)));
        var whoText = string.Join(" and ", who);
        return $"Nothing was saved: this program was changed by {whoText} at {at} UTC, after you opened it ({what}). Here is the program as it is now; make your change again if it is still needed.";
    }

    /// <summary>"… (version 7)" → 7.</summary>
    private static int VersionOf(string? detail) =>
        detail is not null && Version().Match(detail) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The audit detail's parts in words: exercise codes become the catalogue's names.</summary>
    private static IEnumerable<string> Parts(string detail)
    {
        var text = Version().Replace(detail, "");
        // Whole codes only ("leg-raise" is also the end of "straight-leg-raise").
        foreach (var id in Enum.GetValues<ExerciseId>())
            text = Regex.Replace(text, $"(?<![a-z-]){Regex.Escape(WireName.Of(id))}(?![a-z-])", ExerciseCatalogue.Get(id).Name);
        return text.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => p
            .Replace("excluded [", "left out [", StringComparison.Ordinal)
            .Replace("(progress)", "(up)", StringComparison.Ordinal).Replace("(regress)", "(down)", StringComparison.Ordinal)
            .Replace("(hold)", "(same)", StringComparison.Ordinal).Trim());
    }

    [GeneratedRegex(@"\s*\(version (\d+)\)$")]
    private static partial Regex Version();
}
