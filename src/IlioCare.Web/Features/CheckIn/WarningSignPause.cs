using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;
using IlioCare.Data;

using IlioCare.Web.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// A warning-sign pause (F3) as the paused and resume pages read it: when it began and what was reported. Its static
/// <see cref="IsPaused"/> is the host's one door to <see cref="SafetyNet"/>: Today, the program page, the check-in,
/// the paused and resume pages, the API, the caseload and the clinician's pages all ask it (issue 12).
/// </summary>
internal sealed record WarningSignPause(ProgramStateRecord Start, IReadOnlySet<WarningSign> Signs, AssessmentResult Triage)
{
    /// <summary>Paused by a warning sign on the day of <paramref name="state"/> (the state in force) and <paramref name="checkIn"/> (that day's).</summary>
    public static bool IsPaused(ProgramStateRecord? state, CheckInRecord? checkIn) =>
        state is not null && SafetyNet.PausedByWarningSign(state.PausedForWarningSign, OpenSigns(checkIn));

    /// <summary>The check-in's signs no resume has covered (none without a check-in).</summary>
    public static IReadOnlySet<WarningSign> OpenSigns(CheckInRecord? checkIn) =>
        checkIn is null ? new HashSet<WarningSign>() : SafetyNet.OpenSigns(checkIn.WarningSigns, checkIn.WarningSignsChecked);

    /// <summary>
    /// Whether <see cref="FindAsync"/> would find a pause on <paramref name="today"/>, from the two rows it turns on (the
    /// state in force and that day's check-in) instead of the whole history: where the check-in post goes next (issue 17).
    /// </summary>
    public static async Task<bool> IsPausedAsync(IlioCareDbContext db, string accountId, DateOnly today, CancellationToken ct)
    {
        var state = await PatientProgram.StateOnAsync(db, accountId, today, ct);
        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == today, ct);
        return IsPaused(state, checkIn);
    }

    /// <summary>The signed-in patient's pause in force today in their own zone (null: not paused, or no program).</summary>
    /// <remarks>The advice weighs the risk factors of the patient's latest assessment (SPEC §3 revision 3: numbness on blood
    /// thinners is the possible-bleed emergency at a check-in too).</remarks>
    public static async Task<WarningSignPause?> FindAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        if (await PatientHistory.LoadAsync(db, accountId, ct) is not { } history) return null;
        if (Find(history, Today.PatientToday.Date(clock, history.Profile.TimeZoneId)) is not { } pause) return null;
        if (pause.Start.SetBy != PatientHistory.SelfAssessment) return pause;
        // Paused by a self-assessment (H118): its own findings and level are part of the advice.
        var json = await db.Assessments.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.TakenAtUtc == pause.Start.RecordedAtUtc)
            .Select(a => a.InputJson).FirstOrDefaultAsync(ct);
        return json is not null && AssessmentContract.Read(json).Value is { } answers
            ? pause with { Triage = WithAssessment(pause.Triage, Assessor.Assess(answers)) }
            : pause;
    }

    /// <summary>The more urgent level of the two, and every reason of both, the higher level's first.</summary>
    private static AssessmentResult WithAssessment(AssessmentResult signs, AssessmentResult assessment)
    {
        var (first, second) = assessment.Triage >= signs.Triage ? (assessment, signs) : (signs, assessment);
        var reasons = first.Reasons.Concat(second.Reasons).DistinctBy(r => r.Code).ToArray();
        return first with { Reasons = reasons };
    }

    /// <summary>The pause in force today, or null when the program is not paused for a warning sign.</summary>
    public static WarningSignPause? Find(PatientHistory history, DateOnly today)
    {
        var state = history.StateRecordOn(today);
        var checkIn = history.CheckInOn(today);
        if (state is null || !IsPaused(state, checkIn)) return null;
        ProgramStateRecord start;
        if (state.PausedForWarningSign)
        {
            var upTo = history.States.Where(s => s.EffectiveOn <= today).ToList();
            var i = upTo.Count - 1;
            while (i > 0 && upTo[i - 1].PausedForWarningSign) i--;
            start = upTo[i];
        }
        else
        {
            // Today's check-in has a sign whose review is not stored (yet): the pause begins with that check-in.
            start = new ProgramStateRecord
            {
                AccountId = state.AccountId, EffectiveOn = today, Phase = state.Phase, CountsFrom = today.AddDays(1), PausedForWarningSign = true,
                Move = PhaseMove.Pause, Reason = "", SetBy = PatientHistory.Engine, RecordedAtUtc = checkIn!.UpdatedAtUtc,
            };
        }
        // Every sign reported since the pause began: the advice follows the most urgent of them together.
        var signs = history.CheckIns.Where(c => c.Date >= start.EffectiveOn && c.Date <= today)
            .SelectMany(c => c.WarningSigns).ToHashSet();
        // The risk factors of the latest assessment (revision 3), which the history loads with it.
        var pregnant = history.LatestAssessment?.PregnantOrPostpartum == true;
        var bloodThinners = history.LatestAssessment?.BloodThinners == true;
        var triage = CheckInTriage.Judge(signs, history.Profile.AgeAtSignUp, history.Profile.Side ?? Side.Left, pregnant, bloodThinners);
        return new(start, signs, triage);
    }

    /// <summary>
    /// F3: "a new assessment without them" — the patient's latest assessment taken after the pause began,
    /// and its triage below urgent.
    /// </summary>
    public AssessmentRecord? NewAssessmentWithoutSigns(IEnumerable<AssessmentRecord> assessments) =>
        LatestSincePause(assessments) is { Triage: < TriageLevel.Urgent } latest ? latest : null;

    /// <summary>The latest assessment taken since the pause began, whatever it found (null when none).</summary>
    public AssessmentRecord? LatestSincePause(IEnumerable<AssessmentRecord> assessments) =>
        assessments.Where(a => a.TakenAtUtc > Start.RecordedAtUtc).MaxBy(a => a.TakenAtUtc);
}
