using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>Lifts a warning-sign pause (F3) through the engine's own rule and records who lifted it.</summary>
internal static class ResumeHandler
{
    /// <summary>
    /// Writes today's resume (settle, counting from tomorrow) and marks every sign reported since the pause began as
    /// covered (<see cref="CheckInRecord.WarningSignsChecked"/>), in one save: after it no page, no API answer and no
    /// caseload row can still read the program as paused by those signs (<see cref="SafetyNet"/>). A sign reported
    /// later is not covered and pauses again.
    /// </summary>
    public static async Task ResumeAsync(IlioCareDbContext db, string accountId, WarningSignPause pause, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        // The page checked both conditions; the engine checks them again and decides the restart.
        var decision = PhaseMoves.Resume(pause.Start.ToState() with { PausedForWarningSign = true }, today, newAssessmentWithoutWarningSigns: true, doctorHasChecked: true);
        if (decision.Move != PhaseMove.Resume) return;
        var record = await db.ProgramStates.FirstOrDefaultAsync(s => s.AccountId == accountId && s.EffectiveOn == today, ct);
        // One state per day: a pause that began today is replaced by the resume, so its reason keeps the pause in the history.
        var reason = record is { PausedForWarningSign: true }
            ? $"Paused earlier today for a warning sign. {decision.Reason}"
            : decision.Reason;
        if (record is null)
        {
            record = new ProgramStateRecord { AccountId = accountId, EffectiveOn = today, Reason = "", SetBy = "patient" };
            db.ProgramStates.Add(record);
        }
        (record.Phase, record.CountsFrom, record.PausedForWarningSign) = (decision.Next.Phase, decision.Next.CountsFrom, decision.Next.PausedForWarningSign);
        (record.Move, record.Reason, record.SetBy, record.RecordedAtUtc) = (decision.Move, reason, "patient", clock.GetUtcNow().UtcDateTime);

        var checkIns = await db.CheckIns.Where(c => c.AccountId == accountId && c.Date >= pause.Start.EffectiveOn && c.Date <= today).ToListAsync(ct);
        foreach (var checkIn in checkIns.Where(c => c.WarningSigns.Count > 0))
            checkIn.WarningSignsChecked = checkIn.WarningSignsChecked.Union(checkIn.WarningSigns).ToHashSet();
        await db.SaveChangesAsync(ct);
    }
}
