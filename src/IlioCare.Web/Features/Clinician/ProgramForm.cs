using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Clinician;

/// <summary>The program as it is now, what the edit form starts from (and shows again after a conflict).</summary>
public sealed record ProgramSnapshot(string PatientId, string Name, int Version, DateOnly Today, Phase? Phase, bool Paused, PainRule PainRule,
    IReadOnlySet<ExerciseId> Excluded, IReadOnlyDictionary<ExerciseId, string> DoseCodes)
{
    /// <summary>Reads it for a linked clinician (null otherwise: 404), audited as a read of the patient (F15).</summary>
    internal static async Task<ProgramSnapshot?> LoadAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct)) return null;
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == patientId, ct);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == patientId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (profile is null || account is null) return null;
        await audit.RecordAsync(db, clinicianId, patientId, AuditAction.ReadPatient, "program", clock.GetUtcNow().UtcDateTime, ct);
        var today = PatientToday.Date(clock, profile.TimeZoneId);
        var state = await PatientProgram.StateOnAsync(db, patientId, today, ct);
        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == patientId && c.Date == today, ct);
        var doses = await PatientProgram.DosesOnAsync(db, patientId, today, ct);
        var codes = DoseSteps.Dosed.ToDictionary(id => id, id =>
            (doses.TryGetValue(id, out var d) ? DoseSteps.Of(id, d.StrengthDose(), d.StretchDose()) : DoseSteps.For(id)[0])?.Code ?? "");
        return new(patientId, CaseloadHandler.NameOf(account.DisplayName, account.Email), profile.ProgramVersion, today, state?.Phase,
            CheckIn.WarningSignPause.IsPaused(state, checkIn), profile.PainRule, profile.ExcludedExercises, codes);
    }
}

/// <summary>The program form as posted: the whole program; only what differs from <see cref="ProgramSnapshot"/> becomes a change.</summary>
public sealed class ProgramForm
{
    public string? Version { get; set; }
    public string? Phase { get; set; }
    public string? PainRule { get; set; }
    public string[] Excluded { get; set => field = value ?? []; } = [];
    /// <summary>The chosen ladder step of each exercise, keyed by its wire name (<c>Form.Dose[straight-leg-raise]</c>).</summary>
    public Dictionary<string, string?> Dose { get; set => field = value ?? []; } = [];
    public string? Note { get; set; }

    public static ProgramForm From(ProgramSnapshot s) => new()
    {
        Version = s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Phase = s.Phase is { } p ? WireName.Of(p) : null,
        PainRule = WireName.Of(s.PainRule),
        Excluded = s.Excluded.Select(WireName.Of).ToArray(),
        Dose = s.DoseCodes.ToDictionary(p => WireName.Of(p.Key), p => (string?)p.Value),
    };

    /// <summary>The change against <paramref name="now"/>, or a message for every bad field in the reader's language.</summary>
    public (ProgramChange? Change, List<(string Field, string Message)> Errors) Check(ProgramSnapshot now, IStringLocalizer<ProgramForm> L)
    {
        var errors = new List<(string, string)>();
        if (!int.TryParse(Version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            errors.Add(("version", L["is missing: reload the page"]));
        Phase? phase = null;
        if (!WireName.TryParse<Phase>(Phase, out var p)) errors.Add(("phase", L["choose a phase"]));
        else if (p != now.Phase) phase = p;
        if (!WireName.TryParse<PainRule>(PainRule, out var rule)) errors.Add(("painRule", L["choose strict or monitoring"]));
        var excluded = new HashSet<ExerciseId>();
        foreach (var text in Excluded)
        {
            if (WireName.TryParse<ExerciseId>(text, out var id)) excluded.Add(id);
            else errors.Add(("excluded", L["“{0}” is not an exercise", text]));
        }
        var doses = new Dictionary<ExerciseId, DoseStep>();
        foreach (var (key, code) in Dose)
        {
            if (!WireName.TryParse<ExerciseId>(key, out var id) || DoseSteps.For(id).Count == 0) { errors.Add(("dose", L["“{0}” has no dose steps", key])); continue; }
            if (DoseSteps.Parse(id, code) is not { } step) { errors.Add(($"dose-{key}", L["choose one of the dose steps"])); continue; }
            if (step.Code != now.DoseCodes.GetValueOrDefault(id)) doses[id] = step;
        }
        if (Note is { Length: > ProgramChange.NoteLength }) errors.Add(("note", L["must be at most {0} characters", ProgramChange.NoteLength]));
        if (errors.Count > 0) return (null, errors);
        return (new ProgramChange(version) { Phase = phase, PainRule = rule, Excluded = excluded, Doses = doses, Note = Note }, errors);
    }
}
