using IlioCare.Clinical.Assessment;
using IlioCare.Data;

using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>A warning-sign pause (F3) as the paused and resume pages read it: when it began and what was reported.</summary>
internal sealed record WarningSignPause(ProgramStateRecord Start, IReadOnlySet<WarningSign> Signs, AssessmentResult Triage)
{
    /// <summary>The pause in force today, or null when the program is not paused for a warning sign.</summary>
    public static WarningSignPause? Find(PatientHistory history, DateOnly today)
    {
        if (history.StateRecordOn(today) is not { PausedForWarningSign: true }) return null;
        var upTo = history.States.Where(s => s.EffectiveOn <= today).ToList();
        var i = upTo.Count - 1;
        while (i > 0 && upTo[i - 1].PausedForWarningSign) i--;
        var start = upTo[i];
        // Every sign reported since the pause began: the advice follows the most urgent of them together.
        var signs = history.CheckIns.Where(c => c.Date >= start.EffectiveOn && c.Date <= today)
            .SelectMany(c => c.WarningSigns).ToHashSet();
        var triage = CheckInTriage.Judge(signs, history.Profile.AgeAtSignUp, history.Profile.Side ?? Side.Left,
            history.LatestAssessment?.PregnantOrPostpartum == true, history.LatestAssessment?.BloodThinners == true);
        return new(start, signs, triage);
    }

    /// <summary>
    /// F3: "a new assessment without them" — the patient's latest assessment taken after the pause began,
    /// and its triage below urgent.
    /// </summary>
    public AssessmentRecord? NewAssessmentWithoutSigns(IEnumerable<AssessmentRecord> assessments) =>
        assessments.Where(a => a.TakenAtUtc > Start.RecordedAtUtc).MaxBy(a => a.TakenAtUtc) is { Triage: < TriageLevel.Urgent } latest ? latest : null;
}
