using System.Globalization;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Library;
using IlioCare.Web.Features.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Clinician;

/// <summary>
/// Why a program save was refused (issue 15): what changed since the version the form started from and who changed it,
/// read from the audit rows that saved those versions (F15 logs every change with its version). The same clinician in a
/// second tab is told so ("You changed … in another tab or window"), never "another clinician". The page words it in
/// the reader's language (issue 16) from the audit detail's parts; the API gets the English.
/// </summary>
internal sealed partial class ProgramConflict
{
    private ProgramConflict() { }

    /// <summary>How many of the patient's latest change rows are read: more than any realistic burst of edits.</summary>
    private const int Lookback = 50;

    /// <param name="words">The page's words (the reader's language); null for the API's English.</param>
    public static async Task<string> ExplainAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId, int fromVersion,
        CancellationToken ct, ConflictWords? words = null)
    {
        var L = words?.Text ?? English;
        var subject = audit.Pseudonym(patientId);
        var rows = await db.AuditLog.AsNoTracking()
            .Where(e => e.Subject == subject && (e.Action == AuditAction.ChangeProgram || e.Action == AuditAction.ChangeDose))
            .OrderByDescending(e => e.Sequence).Take(Lookback).ToListAsync(ct);
        var changes = rows.Select(e => (Entry: e, Version: VersionOf(e.Detail))).Where(x => x.Version > fromVersion).OrderBy(x => x.Entry.Sequence).ToArray();
        if (changes.Length == 0) return L["The program changed while you were editing. Nothing was saved; here is the program as it is now."];

        // Who: the clinicians who ever followed this patient, by pseudonym (the log holds no account ids).
        var staff = await (from l in db.CareLinks
                           join u in db.Users on l.ClinicianId equals u.Id
                           where l.PatientId == patientId
                           select new { u.Id, u.DisplayName, u.Email }).Distinct().ToListAsync(ct);
        var names = staff.DistinctBy(s => s.Id).ToDictionary(s => audit.Pseudonym(s.Id), s => CaseloadHandler.NameOf(s.DisplayName, s.Email));
        var me = audit.Pseudonym(clinicianId);
        var who = changes.Select(c => c.Entry.Actor).Distinct()
            .Select(a => a == me ? L["you, in another tab or window"].Value : names.GetValueOrDefault(a) ?? L["a former clinician"].Value).ToArray();
        var at = changes[^1].Entry.AtUtc.ToString("HH:mm", CultureInfo.InvariantCulture);
        var what = string.Join("; ", changes.SelectMany(c => Parts(c.Entry.Detail!, L, words)));
        var whoText = who.Length == 1 ? who[0] : L["{0} and {1}", string.Join(", ", who[..^1]), who[^1]].Value;
        return L["Nothing was saved: this program was changed by {0} at {1} UTC, after you opened it ({2}). Here is the program as it is now; make your change again if it is still needed.", whoText, at, what];
    }

    /// <summary>"… (version 7)" → 7.</summary>
    private static int VersionOf(string? detail) =>
        detail is not null && Version().Match(detail) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// The audit detail's parts (ProgramEditHandler and CustomExerciseStore write them) in words: codes become the
    /// catalogue's names and the reader's words; a part of another shape is shown as it was written.
    /// </summary>
    private static IEnumerable<string> Parts(string detail, IStringLocalizer<ProgramConflict> L, ConflictWords? words)
    {
        var text = Version().Replace(detail, "");
        foreach (var part in text.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
        {
            if (PhasePart().Match(part) is { Success: true } phase && WireName.TryParse<Phase>(phase.Groups[1].Value, out var p))
                yield return L["phase {0}", PhaseWord(p, L)];
            else if (RulePart().Match(part) is { Success: true } rule && WireName.TryParse<PainRule>(rule.Groups[1].Value, out var r))
                yield return L["pain rule {0}", r == PainRule.Strict ? L["strict"] : L["monitoring"]];
            else if (ExcludedPart().Match(part) is { Success: true } excluded)
                yield return L["left out [{0}]", string.Join(", ", excluded.Groups[1].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(e => Name(e, words)))];
            else if (DosePart().Match(part) is { Success: true } dose && WireName.TryParse<ExerciseId>(dose.Groups[1].Value, out _))
                yield return L["{0} {1} ({2})", Name(dose.Groups[1].Value, words), words?.Reasons.Dose(dose.Groups[2].Value) ?? dose.Groups[2].Value, Move(dose.Groups[3].Value, L)];
            else if (CustomOutPart().Match(part) is { Success: true } gone)
                yield return L["custom exercise {0} taken out", gone.Groups[1].Value];
            else if (CustomAddedPart().Match(part) is { Success: true } added)
                yield return L["custom exercise {0} added ({1})", added.Groups[1].Value, added.Groups[2].Value];
            else yield return part;
        }
    }

    private static string Name(string code, ConflictWords? words) =>
        WireName.TryParse<ExerciseId>(code, out var id)
            ? words?.Exercises.Name(ExerciseCatalogue.Get(id)) ?? ExerciseCatalogue.Get(id).Name
            : code;

    private static string PhaseWord(Phase phase, IStringLocalizer<ProgramConflict> L) => phase switch
    {
        Phase.Settle => L["settle"],
        Phase.Restore => L["restore"],
        Phase.Return => L["return"],
        _ => L["prevent"],
    };

    /// <summary>The dose step's direction (the wire names of the dose actions) in plain words.</summary>
    private static string Move(string action, IStringLocalizer<ProgramConflict> L) => action switch
    {
        "progress" => L["up"],
        "regress" => L["down"],
        "hold" => L["same"],
        var other => other,
    };

    [GeneratedRegex(@"\s*\(version (\d+)\)$")]
    private static partial Regex Version();

    [GeneratedRegex(@"^phase ([a-z]+)$")]
    private static partial Regex PhasePart();

    [GeneratedRegex(@"^pain rule ([a-z]+)$")]
    private static partial Regex RulePart();

    [GeneratedRegex(@"^excluded \[(.*)\]$")]
    private static partial Regex ExcludedPart();

    [GeneratedRegex(@"^([a-z]+(?:-[a-z]+)+) (.+) \(([a-z-]+)\)$")]
    private static partial Regex DosePart();

    [GeneratedRegex(@"^custom exercise (\d+) taken out$")]
    private static partial Regex CustomOutPart();

    [GeneratedRegex(@"^custom exercise (\d+) added \((.*)\)$")]
    private static partial Regex CustomAddedPart();

    /// <summary>English: every key reads as itself (the API's words).</summary>
    private static readonly IStringLocalizer<ProgramConflict> English = new KeysAsText();

    private sealed class KeysAsText : IStringLocalizer<ProgramConflict>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

/// <summary>The words a conflict is explained in on the program page: the reader's language (issue 16).</summary>
internal sealed record ConflictWords(IStringLocalizer<ProgramConflict> Text, ExerciseWords Exercises, ReasonWords Reasons);
