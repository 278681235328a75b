using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Progress;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Clinician;

/// <summary>A treatment as shown to the clinician and the patient, with who recorded it.</summary>
public sealed record TreatmentView(long Id, DateOnly Date, TreatmentKind Kind, string Notes, string ClinicianName);

/// <summary>A linked patient as a clinician sees them (F13): the patient's own progress charts plus the clinician's tables.</summary>
public sealed record PatientDetail(string PatientId, string Name, DateOnly Today, PatientProfile Profile)
{
    /// <summary>Shown second, under the name (issue 18).</summary>
    public string? Email { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public ProgramStateRecord? State { get; init; }
    /// <summary>Paused by a warning sign today: the one decision the patient's pages and the caseload ask (SafetyNet, F3).</summary>
    public bool PausedForWarningSign => CheckIn.WarningSignPause.IsPaused(State, CheckIns.FirstOrDefault(c => c.Date == Today));
    public string? StateSetBy { get; init; }
    /// <summary>The dose in force today of each dosed exercise, and who set it.</summary>
    public IReadOnlyList<(ExerciseId Exercise, DoseRecord? Dose, string SetBy)> Doses { get; init; } = [];
    /// <summary>Newest first, the charts' window (8 weeks).</summary>
    public IReadOnlyList<CheckInRecord> CheckIns { get; init; } = [];
    /// <summary>The same charts the patient sees on /progress (one builder: <see cref="ProgressViewHandler"/>).</summary>
    public ProgressView? Progress { get; init; }
    public IReadOnlyList<TreatmentView> Treatments { get; init; } = [];
}

/// <summary>The words the progress charts are written in on a page: the same the patient's /progress uses (issue 16).</summary>
public sealed record ChartWords(IStringLocalizer<ProgressText> Text, Library.ExerciseWords Exercises, Words.ReasonWords Reasons, DoseWords Doses);

/// <summary>
/// Loads a patient for a clinician: null unless linked (the page answers 404, <see cref="CareAccess"/>); the read
/// is audited (F15 ReadPatient) before anything is shown.
/// </summary>
internal static class PatientDetailHandler
{
    public static Task<PatientDetail?> LoadAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        TimeProvider clock, CancellationToken ct) => LoadAsync(db, audit, clinicianId, patientId, null, charts: true, clock, ct);

    /// <param name="section">The patient page's section read (issue 15), kept in the audit row's detail; null for the API.</param>
    /// <param name="charts">Build the progress charts (only the overview draws them).</param>
    /// <param name="words">The reader's words for the charts (the page passes its localizers; the API keeps English).</param>
    public static async Task<PatientDetail?> LoadAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        string? section, bool charts, TimeProvider clock, CancellationToken ct, ChartWords? words = null)
    {
        if (!await CareAccess.IsLinkedAsync(db, clinicianId, patientId, ct)) return null;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == patientId).Select(u => new { u.DisplayName, u.Email, u.DateOfBirth }).FirstOrDefaultAsync(ct);
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == patientId, ct);
        if (account is null || profile is null) return null;
        await audit.RecordAsync(db, clinicianId, patientId, AuditAction.ReadPatient, section, clock.GetUtcNow().UtcDateTime, ct);

        var today = PatientToday.Date(clock, profile.TimeZoneId);
        var from = today.AddDays(-ProgressViewHandler.WindowDays);
        var state = await PatientProgram.StateOnAsync(db, patientId, today, ct);
        var doses = await PatientProgram.DosesOnAsync(db, patientId, today, ct);
        var treatments = await TreatmentsAsync(db, patientId, ct);
        var names = await NamesAsync(db, doses.Values.Select(d => d.SetBy).Append(state?.SetBy ?? ""), ct);
        return new PatientDetail(patientId, CaseloadHandler.NameOf(account.DisplayName, account.Email), today, profile)
        {
            Email = account.Email,
            DateOfBirth = account.DateOfBirth,
            State = state,
            StateSetBy = state is null ? null : SetByName(state.SetBy, names),
            Doses = DoseSteps.Dosed.Select(id => (id, doses.GetValueOrDefault(id), doses.TryGetValue(id, out var d) ? SetByName(d.SetBy, names) : "not dosed yet (floor)")).ToArray(),
            CheckIns = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == patientId && c.Date >= from).OrderByDescending(c => c.Date).ToListAsync(ct),
            Progress = charts ? await ProgressViewHandler.LoadAsync(db, patientId, clock, ct, words?.Text, words?.Exercises, words?.Reasons, words?.Doses) : null,
            Treatments = treatments,
        };
    }

    /// <summary>A patient's treatments, newest first, with the recording clinician's display name (shown to the patient too).</summary>
    public static async Task<IReadOnlyList<TreatmentView>> TreatmentsAsync(IlioCareDbContext db, string patientId, CancellationToken ct)
    {
        var rows = await db.Treatments.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(t => t.ClinicianId), ct);
        return rows.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .Select(t => new TreatmentView(t.Id, t.Date, t.Kind, t.Notes, names.GetValueOrDefault(t.ClinicianId) ?? "a former clinician")).ToArray();
    }

    /// <summary>Who set a phase or dose, in words: the program, onboarding, the patient, or the clinician's name.</summary>
    public static string SetByName(string setBy, IReadOnlyDictionary<string, string> names) => setBy switch
    {
        PatientHistory.Engine => "the program (automatic)",
        "onboarding" => "the assessment (start)",
        "patient" => "the patient (resume)",
        _ => names.GetValueOrDefault(setBy) ?? "a former clinician",
    };

    /// <summary>Display names (else e-mail) of the given account ids, one query.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IlioCareDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i.Length > 0).Distinct().ToArray();
        if (wanted.Length == 0) return new Dictionary<string, string>();
        return (await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => CaseloadHandler.NameOf(u.DisplayName, u.Email));
    }
}
