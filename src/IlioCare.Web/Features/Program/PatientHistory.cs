using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using EngineCheckIn = IlioCare.Clinical.Program.CheckIn;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// One patient's program history, read once per request (always filtered by the signed-in account), and the
/// engine inputs built from it for any day: what the morning review of that day judges. The one place stored
/// rows become the engine's evidence — the check-in's review, the program page's progress and the demo
/// replay all read the rows through it, so they cannot disagree.
/// </summary>
internal sealed class PatientHistory
{
    public const string Engine = "engine";

    /// <summary>SetBy of a pause that an urgent or emergency self-assessment started (H118).</summary>
    public const string SelfAssessment = "assessment";

    /// <summary>
    /// Whether a state or dose record was set by a clinician (F13): its SetBy is then the clinician's account id,
    /// not the engine, onboarding, the patient's resume or a self-assessment's pause.
    /// </summary>
    public static bool IsClinician(string setBy) => setBy is not (Engine or "onboarding" or "patient" or SelfAssessment);
    private const int MinutesInDay = 24 * 60;

    public required PatientProfile Profile { get; init; }
    public required IReadOnlyList<CheckInRecord> CheckIns { get; init; }
    public required IReadOnlyList<ExerciseLogRecord> Logs { get; init; }
    /// <summary>Logs of the clinician's own exercises (issue 15): read only for the stop count of the flare rule, never by a dose.</summary>
    public IReadOnlyList<CustomExerciseLogRecord> CustomLogs { get; init; } = [];
    /// <summary>Oldest first.</summary>
    public required IReadOnlyList<ProgramStateRecord> States { get; init; }
    public required IReadOnlyList<DoseRecord> Doses { get; init; }
    public required IReadOnlyList<PauseRecord> Pauses { get; init; }
    /// <summary>The start phase of the assessment the program began from (what onboarding wrote).</summary>
    public Phase? StartPhase { get; init; }
    /// <summary>
    /// The patient's latest assessment's answers (SPEC §3 revision 3): the check-in asks scrotal pain by its sex, and
    /// check-in signs are judged with its risk factors (blood thinners, pregnancy). Only the whole history has them.
    /// </summary>
    public Assessment.AssessmentAnswers? LatestAssessment { get; init; }

    /// <summary>Every sport day (date, minutes, flare), oldest first: what the §7 load series and the sport caps read.</summary>
    public IReadOnlyList<SportDay> SportDays
    {
        get => field ?? [.. CheckIns.Select(c => new SportDay(c.Date, c.TotalSportMinutes, c.Flare))];
        init;
    }
    /// <summary>The date of the very first check-in (the progress charts start there when it is within their 8 weeks).</summary>
    public DateOnly? FirstCheckIn
    {
        get => field ?? (CheckIns.Count > 0 ? CheckIns[0].Date : null);
        init;
    }
    /// <summary>
    /// Null for the whole history. Otherwise check-ins, logs and doses are only those from this day on (plus the dose in
    /// force before it): enough for pages that draw a window, never for a clinical decision (<see cref="RequestFor"/>).
    /// </summary>
    public DateOnly? Since { get; init; }

    /// <summary>
    /// Null for the whole history. Otherwise the first day whose review this bounded history can judge
    /// (<see cref="LoadForReviewAsync"/>); <see cref="RequestFor"/> refuses an earlier day.
    /// </summary>
    public DateOnly? ReviewsFrom { get; init; }

    /// <summary>The whole history: what the morning review and the check-in judge.</summary>
    public static async Task<PatientHistory?> LoadAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        if (await ProfileAsync(db, accountId, ct) is not { } start) return null;
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Date).ToListAsync(ct);
        return new PatientHistory
        {
            Profile = start.Profile,
            CheckIns = checkIns,
            Logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId).OrderBy(l => l.Date).ToListAsync(ct),
            CustomLogs = await db.CustomExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId).OrderBy(l => l.Date).ToListAsync(ct),
            States = await db.ProgramStates.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.EffectiveOn).ToListAsync(ct),
            Doses = await db.Doses.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.EffectiveFrom).ToListAsync(ct),
            Pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct),
            StartPhase = start.Phase,
            LatestAssessment = await Assessment.AssessmentAnswers.LatestAsync(db, accountId, ct),
            SportDays = checkIns.Select(c => new SportDay(c.Date, c.TotalSportMinutes, c.Flare)).ToArray(),
            FirstCheckIn = checkIns.Count > 0 ? checkIns[0].Date : null,
        };
    }

    /// <summary>
    /// The history a window of days draws (issue 7: the progress page's 8 weeks): check-ins and logs from
    /// <paramref name="window"/>'s first day on (it gets the profile, for the patient's zone), the doses from then plus the one in force before it, and in full only what stays
    /// small or is read far back — program states and pauses (a few a year), and the sport days as narrow rows, because
    /// the §7 caps look back to the start of a return spell, which can be years (SportLoad). Cost grows with the window,
    /// not with the years (docs/performance.md "How cost grows").
    /// </summary>
    public static Task<PatientHistory?> LoadSinceAsync(IlioCareDbContext db, string accountId, Func<PatientProfile, DateOnly> window, CancellationToken ct) =>
        db.OnOneConnectionAsync(() => ReadSinceAsync(db, accountId, window, ct), ct);

    private static async Task<PatientHistory?> ReadSinceAsync(IlioCareDbContext db, string accountId, Func<PatientProfile, DateOnly> window, CancellationToken ct)
    {
        if (await ProfileAsync(db, accountId, ct) is not { } start) return null;
        var since = window(start.Profile);
        var sport = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Date)
            .Select(c => new { c.Date, c.SportMinutes, c.Flare }).ToListAsync(ct);
        var before = await PatientProgram.DosesInForceAsync(db, accountId, since.AddDays(-1), ct);
        var doses = await db.Doses.AsNoTracking().Where(d => d.AccountId == accountId && d.EffectiveFrom >= since).ToListAsync(ct);
        return new PatientHistory
        {
            Profile = start.Profile,
            CheckIns = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId && c.Date >= since).OrderBy(c => c.Date).ToListAsync(ct),
            Logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date >= since).OrderBy(l => l.Date).ToListAsync(ct),
            CustomLogs = await db.CustomExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date >= since).OrderBy(l => l.Date).ToListAsync(ct),
            States = await db.ProgramStates.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.EffectiveOn).ToListAsync(ct),
            Doses = [.. before.Values.Concat(doses).OrderBy(d => d.EffectiveFrom)],
            Pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct),
            StartPhase = start.Phase,
            SportDays = sport.Select(c => new SportDay(c.Date, c.SportMinutes.Values.Sum(), c.Flare)).ToArray(),
            FirstCheckIn = sport.Count > 0 ? sport[0].Date : null,
            Since = since,
        };
    }

    /// <summary>
    /// The history the morning review of <paramref name="firstDay"/>'s day and of any later day needs, and no more
    /// (issue 17): check-ins and logs from <see cref="ReviewWindow.FullFrom"/> on, the 3 check-ins before that, each
    /// exercise's 3 latest sessions before that with the check-ins of their day and the next, the doses in force, and in
    /// full what stays small or is read far back (states, pauses, narrow sport days). The derivation is in
    /// <see cref="ReviewWindow"/>; <c>ReviewWindowTests</c> shows it decides exactly as <see cref="LoadAsync"/>.
    /// </summary>
    public static Task<PatientHistory?> LoadForReviewAsync(IlioCareDbContext db, string accountId, Func<PatientProfile, DateOnly> firstDay, CancellationToken ct) =>
        db.OnOneConnectionAsync(() => ReadForReviewAsync(db, accountId, firstDay, ct), ct);

    private static async Task<PatientHistory?> ReadForReviewAsync(IlioCareDbContext db, string accountId, Func<PatientProfile, DateOnly> firstDay, CancellationToken ct)
    {
        if (await ProfileAsync(db, accountId, ct) is not { } start) return null;
        var reviewsFrom = firstDay(start.Profile);
        var from = ReviewWindow.FullFrom(reviewsFrom);
        var recent = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId && c.Date >= from)
            .Concat(db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId && c.Date < from)
                .OrderByDescending(c => c.Date).Take(ReviewWindow.CheckInsBefore))
            .ToListAsync(ct);
        var logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date >= from).ToListAsync(ct);
        var older = await OlderSessionsAsync(db, accountId, from, ct);
        // A session's morning pain is its day's check-in, its next-morning pain the next day's (SessionHistory.Join).
        var sessionDays = older.SelectMany(l => new[] { l.Date, l.Date.AddDays(1) }).Where(d => d < from).Distinct()
            .Except(recent.Select(c => c.Date)).ToList();
        if (sessionDays.Count > 0)
            recent.AddRange(await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId && sessionDays.Contains(c.Date)).ToListAsync(ct));
        var sport = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Date)
            .Select(c => new { c.Date, c.SportMinutes, c.Flare }).ToListAsync(ct);
        var before = await PatientProgram.DosesInForceAsync(db, accountId, from.AddDays(-1), ct);
        var doses = await db.Doses.AsNoTracking().Where(d => d.AccountId == accountId && d.EffectiveFrom >= from).ToListAsync(ct);
        return new PatientHistory
        {
            Profile = start.Profile,
            CheckIns = [.. recent.DistinctBy(c => c.Date).OrderBy(c => c.Date)],
            Logs = [.. older.Concat(logs).OrderBy(l => l.Date)],
            CustomLogs = await db.CustomExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date >= from).OrderBy(l => l.Date).ToListAsync(ct),
            States = await db.ProgramStates.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.EffectiveOn).ToListAsync(ct),
            Doses = [.. before.Values.Concat(doses).OrderBy(d => d.EffectiveFrom)],
            Pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct),
            StartPhase = start.Phase,
            LatestAssessment = await Assessment.AssessmentAnswers.LatestAsync(db, accountId, ct),
            SportDays = sport.Select(c => new SportDay(c.Date, c.SportMinutes.Values.Sum(), c.Flare)).ToArray(),
            FirstCheckIn = sport.Count > 0 ? sport[0].Date : null,
            ReviewsFrom = reviewsFrom,
        };
    }

    /// <summary>
    /// Each exercise's <see cref="ReviewWindow.SessionsBefore"/> latest sessions before <paramref name="from"/>: logs the
    /// §6 engine can judge (a dose recorded, as <see cref="RequestFor"/> filters them) on a day with a check-in. One
    /// statement: one "newest first, take 3" per exercise, each a walk back on the (AccountId, Date, Exercise) index.
    /// </summary>
    private static async Task<List<ExerciseLogRecord>> OlderSessionsAsync(IlioCareDbContext db, string accountId, DateOnly from, CancellationToken ct)
    {
        var older = db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Date < from
            && db.CheckIns.Any(c => c.AccountId == accountId && c.Date == l.Date));
        var strength = ExerciseCatalogue.Strengthening.Select(id => older
            .Where(l => l.Exercise == id && l.Sets > 0 && l.Reps > 0 && l.Resistance != null)
            .OrderByDescending(l => l.Date).Take(ReviewWindow.SessionsBefore));
        var stretches = ExerciseCatalogue.Stretches.Select(id => older
            .Where(l => l.Exercise == id && l.Count > 0 && l.HoldSeconds >= 0)
            .OrderByDescending(l => l.Date).Take(ReviewWindow.SessionsBefore));
        return await strength.Concat(stretches).Aggregate((a, b) => a.Concat(b)).ToListAsync(ct);
    }

    private static async Task<(PatientProfile Profile, Phase? Phase)?> ProfileAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (profile?.OnboardedAtUtc is null) return null;
        var start = await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId && a.Id == profile.AssessmentId)
            .Select(a => a.StartPhase).FirstOrDefaultAsync(ct);
        return (profile, start);
    }

    /// <summary>
    /// The onboarded patient's profile with no rows (null when not onboarded): what the check-in page stands on while
    /// its post is dispatched, before the save reads the history in its transaction (issue 17). Never judge from it.
    /// </summary>
    public static async Task<PatientHistory?> ProfileOnlyAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId && p.OnboardedAtUtc != null, ct) is { } profile
            ? new PatientHistory { Profile = profile, CheckIns = [], Logs = [], States = [], Doses = [], Pauses = [] }
            : null;

    /// <summary>
    /// This history with <paramref name="checkIn"/> — just written in the caller's transaction — in place of its day's row
    /// (issue 17: the check-in post reads the history once, in its transaction, and reviews from it after the write, as a
    /// fresh read would see it; nothing else the review reads is written before it).
    /// </summary>
    public PatientHistory WithCheckIn(CheckInRecord checkIn) => new()
    {
        Profile = Profile,
        CheckIns = [.. CheckIns.Where(c => c.Date != checkIn.Date).Append(checkIn).OrderBy(c => c.Date)],
        Logs = Logs,
        CustomLogs = CustomLogs,
        States = States,
        Doses = Doses,
        Pauses = Pauses,
        StartPhase = StartPhase,
        LatestAssessment = LatestAssessment,
        SportDays = [.. SportDays.Where(s => s.Date != checkIn.Date).Append(new SportDay(checkIn.Date, checkIn.TotalSportMinutes, checkIn.Flare)).OrderBy(s => s.Date)],
        FirstCheckIn = FirstCheckIn is { } first && first < checkIn.Date ? first : checkIn.Date,
        Since = Since,
        ReviewsFrom = ReviewsFrom,
    };

    public bool Paused(DateOnly day) => Pauses.Any(p => p.Covers(day));

    public CheckInRecord? CheckInOn(DateOnly day) => CheckIns.FirstOrDefault(c => c.Date == day);

    public ProgramStateRecord? StateRecordOn(DateOnly day) => States.LastOrDefault(s => s.EffectiveOn <= day);

    /// <summary>Paused by a warning sign on <paramref name="day"/>: the one decision (<see cref="IlioCare.Clinical.Program.SafetyNet"/>).</summary>
    public bool PausedForWarningSign(DateOnly day) => CheckIn.WarningSignPause.IsPaused(StateRecordOn(day), CheckInOn(day));

    /// <summary>
    /// The state the review of <paramref name="day"/> starts from: a record of that day set by someone else
    /// (onboarding, the patient's resume, a clinician) is the start; the engine's own record of that day is its
    /// earlier answer and is ignored, so a re-run after an edit never moves twice. When the engine's record has
    /// replaced the onboarding record of the first day, the start is rebuilt as onboarding wrote it.
    /// </summary>
    public ProgramState? StateBefore(DateOnly day)
    {
        var own = States.FirstOrDefault(s => s.EffectiveOn == day);
        if (own is not null && own.SetBy != Engine) return own.ToState();
        if (States.LastOrDefault(s => s.EffectiveOn < day) is { } before) return before.ToState();
        return own is not null && StartPhase is { } phase ? new ProgramState(phase, day) : null;
    }

    /// <summary>What the morning review of <paramref name="day"/> judges (null when there is no program yet).</summary>
    public MorningReviewRequest? RequestFor(DateOnly day)
    {
        // A window misses the sessions and check-ins the §4 and §6 rules may reach back to (H73): never decide on one.
        if (Since is not null) throw new InvalidOperationException("A windowed history cannot feed the morning review: load the whole history.");
        if (day < ReviewsFrom) throw new InvalidOperationException($"This history was read for the reviews from {ReviewsFrom:yyyy-MM-dd} on, not {day:yyyy-MM-dd}.");
        if (StateBefore(day) is not { } state) return null;
        var doses = Doses.Where(d => d.EffectiveFrom < day).GroupBy(d => d.Exercise).ToDictionary(g => g.Key, g => g.Last());
        var evidence = new PhaseEvidence
        {
            CheckIns = CheckIns.Where(c => c.Date <= day).Select(ToEngine).ToArray(),
            StrengthDoses = doses.Values.Select(d => (d.Exercise, Dose: d.StrengthDose())).Where(x => x.Dose is not null)
                .ToDictionary(x => x.Exercise, x => x.Dose!.Value),
            ExcludedByClinician = Profile.ExcludedExercises,
            PreInjuryWeeklyMinutes = Profile.PreInjuryWeeklyMinutes,
            ReturnWeeks = ReturnSpellStart(day.AddDays(-1)) is { } entry ? SportWeeks(entry.CountsFrom, day) : [],
        };
        return new MorningReviewRequest(day, state, evidence)
        {
            PainRule = Profile.PainRule,
            StretchDoses = doses.Values.Select(d => (d.Exercise, Dose: d.StretchDose())).Where(x => x.Dose is not null)
                .ToDictionary(x => x.Exercise, x => x.Dose!.Value),
            // A clinician's dose of that very day stands against the review (MorningReviewHandler): the phase sees it.
            StrengthDosesSetToday = Doses.Where(d => d.EffectiveFrom == day && IsClinician(d.SetBy))
                .Select(d => (d.Exercise, Dose: d.StrengthDose())).Where(x => x.Dose is not null)
                .ToDictionary(x => x.Exercise, x => x.Dose!.Value),
            StrengthLogs = ExerciseCatalogue.Strengthening.ToDictionary(id => id, id => (IReadOnlyList<ExerciseLog<Dose>>)Logs
                .Where(l => l.Exercise == id && l.Sets is > 0 && l.Reps is > 0 && l.Resistance is not null)
                .Select(l => new ExerciseLog<Dose>(l.Date, new Dose(l.Sets!.Value, l.Reps!.Value, l.Resistance!.Value), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray()),
            StretchLogs = ExerciseCatalogue.Stretches.ToDictionary(id => id, id => (IReadOnlyList<ExerciseLog<StretchDose>>)Logs
                .Where(l => l.Exercise == id && l.Count is > 0 && l.HoldSeconds is >= 0)
                .Select(l => new ExerciseLog<StretchDose>(l.Date, new StretchDose(l.Count!.Value, l.HoldSeconds!.Value), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray()),
        };
    }

    /// <summary>
    /// Ask the 10-hop test today? Derived, not stored: yesterday's review is re-run on yesterday's evidence and
    /// says whether restore's rest held without the test (SPEC §4 "asked in the check-in once the rest holds").
    /// The whole review, not the phase engine alone: the rest includes the doses that review set (H101).
    /// </summary>
    public bool AskHopTest(DateOnly today)
    {
        if (Since is not null) throw new InvalidOperationException("A windowed history cannot judge the hop test: load the whole history.");
        var yesterday = today.AddDays(-1);
        if (CheckInOn(yesterday) is null || RequestFor(yesterday) is not { } request) return false;
        return MorningReview.Run(request).Phase.AskHopTest;
    }

    public EngineCheckIn ToEngine(CheckInRecord c) => new(
        c.Date, c.PainMorning, c.StiffnessMinutes, c.PainNow,
        HasWarningSign: c.WarningSigns.Count > 0,
        // F3: signs a resume has covered no longer pause (SafetyNet); the day still holds doses and counts no calm day.
        WarningSignChecked: c.WarningSigns.Count > 0 && CheckIn.WarningSignPause.OpenSigns(c).Count == 0,
        SportMinutes: Math.Min(c.TotalSportMinutes, MinutesInDay),
        // SPEC §4 "a second stop within 7 days": each "pain went up" press of that day's session.
        // Issue 15: a stop or a pain rise on a clinician's own exercise counts too (CustomExerciseRules.CountsAsStop).
        StopsForPain: Math.Min(Logs.Count(l => l.Date == c.Date && l.StoppedForPain) + CustomLogs.Count(l => l.Date == c.Date && l.CountsAsStop), 10),
        HopTestPainFree: c.HopTestPainFree,
        Paused: Paused(c.Date));

    /// <summary>The completed, unpaused ISO weeks of sport from <paramref name="from"/> until <paramref name="today"/> (SPEC §7).</summary>
    public IReadOnlyList<LoadWeek> SportWeeks(DateOnly from, DateOnly today) =>
        LoadSeries.Weeks(from, today, SportDays, Paused);

    public int SportMinutesBetween(DateOnly from, DateOnly to) =>
        SportDays.Where(c => c.Date >= from && c.Date <= to).Sum(c => c.Minutes);

    /// <summary>
    /// The record that began the latest stretch of return (and prevent after it) in force on <paramref name="day"/>:
    /// the move into return, or a clinician's setting; null when the program is not in return or prevent then.
    /// </summary>
    public ProgramStateRecord? ReturnSpellStart(DateOnly day) => SpellStart(day, p => p is Phase.Return or Phase.Prevent);

    /// <summary>The first record of the unbroken run of records, up to <paramref name="day"/>, whose phase fits.</summary>
    public ProgramStateRecord? SpellStart(DateOnly day, Func<Phase, bool> fits)
    {
        var upTo = States.Where(s => s.EffectiveOn <= day).ToList();
        var i = upTo.Count - 1;
        if (i < 0 || !fits(upTo[i].Phase)) return null;
        while (i > 0 && fits(upTo[i - 1].Phase)) i--;
        return upTo[i];
    }
}
