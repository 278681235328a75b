using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>What redeeming an invite code gave.</summary>
internal enum RedeemOutcome
{
    Linked,
    /// <summary>Unknown, expired or already used: one answer for all, so a guesser learns nothing.</summary>
    InvalidCode,
    AlreadyLinked,
}

/// <summary>
/// The life of a care link (F13): the patient makes an invite, a clinician redeems it (a link), either side
/// unlinks, or the clinician discharges. Every change of a link is audited in the same transaction (F15).
/// </summary>
internal static class CareTeamHandlers
{
    /// <summary>Invite: a new code replaces the patient's open one. Returns the code (shown once) and its expiry.</summary>
    /// <summary>
    /// Issue 18: only a confirmed address may link a clinician. A clinician reads the account's data under its name and
    /// address; an account made with someone else's address must not reach a clinician's caseload as that person.
    /// </summary>
    public static Task<bool> MayInviteAsync(IlioCareDbContext db, string patientId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == patientId && u.EmailConfirmed, ct);

    public const string ConfirmFirst = "Please confirm your e-mail address first: open the link we sent you. Then you can make a code for your clinician.";

    public static async Task<(string Code, DateTime ExpiresAtUtc)> InviteAsync(IlioCareDbContext db, string patientId, DateTime nowUtc, CancellationToken ct)
    {
        var code = InviteCode.New();
        var expires = nowUtc + InviteCode.Lifetime;
        await db.InTransactionAsync(async token =>
        {
            await db.LinkInvites.Where(i => i.PatientId == patientId && i.RedeemedAtUtc == null).ExecuteDeleteAsync(token);
            db.LinkInvites.Add(new LinkInvite
            {
                PatientId = patientId, CodeHash = InviteCode.Hash(InviteCode.Normalize(code)!), CreatedAtUtc = nowUtc, ExpiresAtUtc = expires,
            });
            await db.SaveChangesAsync(token);
        }, ct);
        return (code, expires);
    }

    /// <summary>Redeem: the clinician enters the patient's code; a valid one links them (audited as a link).</summary>
    public static async Task<(RedeemOutcome Outcome, string? PatientId)> RedeemAsync(
        IlioCareDbContext db, AuditTrail audit, string clinicianId, string? typedCode, DateTime nowUtc, CancellationToken ct)
    {
        if (InviteCode.Normalize(typedCode) is not { } code) return (RedeemOutcome.InvalidCode, null);
        var hash = InviteCode.Hash(code);
        var invite = await db.LinkInvites.AsNoTracking()
            .FirstOrDefaultAsync(i => i.CodeHash == hash && i.RedeemedAtUtc == null && i.ExpiresAtUtc > nowUtc, ct);
        if (invite is null || invite.PatientId == clinicianId) return (RedeemOutcome.InvalidCode, null);
        if (await CareAccess.IsLinkedAsync(db, clinicianId, invite.PatientId, ct)) return (RedeemOutcome.AlreadyLinked, invite.PatientId);

        var outcome = await db.InTransactionAsync(async token =>
        {
            // Single use even when two clinicians redeem at once: only one conditional update finds it open.
            var claimed = await db.LinkInvites.Where(i => i.Id == invite.Id && i.RedeemedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedAtUtc, nowUtc).SetProperty(i => i.RedeemedBy, clinicianId), token);
            if (claimed == 0) return RedeemOutcome.InvalidCode;
            db.CareLinks.Add(new CareLink { PatientId = invite.PatientId, ClinicianId = clinicianId, LinkedAtUtc = nowUtc });
            await db.SaveChangesAsync(token);
            await audit.RecordAsync(db, clinicianId, invite.PatientId, AuditAction.Link, null, nowUtc, token);
            return RedeemOutcome.Linked;
        }, ct);
        return (outcome, invite.PatientId);
    }

    /// <summary>
    /// End: the patient unlinks one of their clinicians, or the clinician unlinks or discharges a patient.
    /// False when there is no such active link (the caller answers 404).
    /// </summary>
    public static async Task<bool> EndAsync(IlioCareDbContext db, AuditTrail audit, string patientId, string clinicianId, string endedBy, LinkEnd how, DateTime nowUtc, CancellationToken ct) =>
        await db.InTransactionAsync(async token =>
        {
            var link = await db.CareLinks.FirstOrDefaultAsync(l => l.PatientId == patientId && l.ClinicianId == clinicianId && l.EndedAtUtc == null, token);
            if (link is null) return false;
            link.EndedAtUtc = nowUtc;
            link.EndedBy = endedBy;
            link.EndReason = how;
            await db.SaveChangesAsync(token);
            var action = how switch
            {
                LinkEnd.Unlinked => AuditAction.Unlink,
                LinkEnd.Discharged => AuditAction.Discharge,
            };
            await audit.RecordAsync(db, endedBy, patientId, action, endedBy == patientId ? "by the patient" : null, nowUtc, token);
            return true;
        }, ct);
}
