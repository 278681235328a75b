using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// H118: a patient with a running program who takes a new self-assessment that says "urgent" or "emergency" is
/// paused at once, like a warning sign in a check-in (<see cref="PhaseMoves.AfterAssessment"/>). Before this, the
/// result page said "see a doctor first" while Today still offered the session.
/// </summary>
internal static class AssessmentPause
{
    /// <summary>Pauses the program when <paramref name="assessment"/> calls for it; does nothing for a patient without a program.</summary>
    public static async Task ApplyAsync(IlioCareDbContext db, string accountId, AssessmentRecord assessment, TimeProvider clock, CancellationToken ct)
    {
        if (await PatientHistory.LoadAsync(db, accountId, ct) is not { } history) return; // not onboarded: nothing runs yet
        var today = Today.PatientToday.Date(clock, history.Profile.TimeZoneId);
        if (history.StateRecordOn(today) is not { } state) return;
        if (WarningSignPause.IsPaused(state, history.CheckInOn(today))) return; // already paused: the resume covers this one too
        var decision = PhaseMoves.AfterAssessment(state.ToState(), assessment.Triage);
        if (decision.Move != PhaseMove.Pause) return;

        await MorningReviewHandler.InDayTransactionAsync(db, accountId, async token =>
        {
            db.ChangeTracker.Clear();
            // One state per day: today's own record (a move of this morning, a clinician's change) becomes the pause,
            // keeping its phase, so the history still shows where the program stood.
            var own = await db.ProgramStates.FirstOrDefaultAsync(s => s.AccountId == accountId && s.EffectiveOn == today, token);
            if (own is null)
            {
                own = new ProgramStateRecord { AccountId = accountId, EffectiveOn = today, Reason = "", SetBy = PatientHistory.SelfAssessment };
                db.ProgramStates.Add(own);
            }
            var next = decision.Next;
            (own.Phase, own.CountsFrom, own.PausedForWarningSign) = (next.Phase, next.CountsFrom, true);
            // The pause "began" when the assessment was taken: only an assessment taken after it can lift it (F3).
            (own.Move, own.Reason, own.SetBy, own.RecordedAtUtc) = (PhaseMove.Pause, decision.Reason, PatientHistory.SelfAssessment, assessment.TakenAtUtc);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }
}
