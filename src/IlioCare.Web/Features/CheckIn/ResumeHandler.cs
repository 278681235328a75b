using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>Lifts a warning-sign pause (F3) through the engine's own rule and records who lifted it.</summary>
internal static class ResumeHandler
{
    public static async Task ResumeAsync(IlioCareDbContext db, string accountId, WarningSignPause pause, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        // The page checked both conditions; the engine checks them again and decides the restart.
        var decision = PhaseMoves.Resume(pause.Start.ToState() with { PausedForWarningSign = true }, today, newAssessmentWithoutWarningSigns: true, doctorHasChecked: true);
        if (decision.Move != PhaseMove.Resume) return;
        var record = await db.ProgramStates.FirstOrDefaultAsync(s => s.AccountId == accountId && s.EffectiveOn == today, ct);
        if (record is null)
        {
            record = new ProgramStateRecord { AccountId = accountId, EffectiveOn = today, Reason = "", SetBy = "patient" };
            db.ProgramStates.Add(record);
        }
        (record.Phase, record.CountsFrom, record.PausedForWarningSign) = (decision.Next.Phase, decision.Next.CountsFrom, decision.Next.PausedForWarningSign);
        (record.Move, record.Reason, record.SetBy, record.RecordedAtUtc) = (decision.Move, decision.Reason, "patient", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
