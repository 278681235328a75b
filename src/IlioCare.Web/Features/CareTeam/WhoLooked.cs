using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>One line of "who looked at my data": when, who, what in plain words.</summary>
internal sealed record WhoLookedRow(DateTime AtUtc, DateTime AtLocal, string Who, string What);

/// <summary>
/// "Who looked at my data" (F15): the audit rows about the signed-in patient, newest first. The log holds
/// pseudonyms only; staff pseudonyms are mapped back to display names here, and an actor who is no longer an
/// account (deleted) shows as "a former clinician".
/// </summary>
internal static class WhoLooked
{
    public const int PageSize = 25;

    public static async Task<(IReadOnlyList<WhoLookedRow> Rows, bool More)> PageAsync(IlioCareDbContext db, AuditTrail audit, string patientId, int page, CancellationToken ct)
    {
        var me = audit.Pseudonym(patientId);
        var entries = await db.AuditLog.AsNoTracking().Where(e => e.Subject == me)
            .OrderByDescending(e => e.Sequence).Skip(page * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var names = await StaffNamesAsync(db, audit, ct);
        var zoneId = await db.PatientProfiles.Where(p => p.AccountId == patientId).Select(p => p.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC";
        var zone = CareTeamView.FindZone(zoneId);
        var rows = entries.Take(PageSize).Select(e => new WhoLookedRow(
            e.AtUtc,
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), zone),
            e.Actor == me ? "You" : names.GetValueOrDefault(e.Actor, "a former clinician"),
            Describe(e.Action))).ToList();
        return (rows, entries.Count > PageSize);
    }

    /// <summary>Pseudonym → display name of every clinician and admin (a few hundred at most: one HMAC each).</summary>
    private static async Task<Dictionary<string, string>> StaffNamesAsync(IlioCareDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.Clinician || r.Name == Roles.Admin
                           select new { u.Id, Name = u.DisplayName ?? u.Email }).Distinct().ToListAsync(ct);
        return staff.DistinctBy(s => s.Id).ToDictionary(s => audit.Pseudonym(s.Id), s => s.Name ?? "a clinician");
    }

    /// <summary>The log's action in the patient's words.</summary>
    public static string Describe(string action) => action switch
    {
        AuditAction.ReadCaseload => "saw you in their list of patients",
        AuditAction.ReadPatient => "opened your page (program, check-ins and charts)",
        AuditAction.ReadExport => "exported your data",
        AuditAction.ChangeProgram => "changed your program",
        AuditAction.ChangeDose => "changed an exercise dose",
        AuditAction.AcknowledgeAlert => "marked an alert about you as seen",
        AuditAction.RecordTreatment => "recorded a treatment",
        AuditAction.Link => "linked to you with your code",
        AuditAction.Unlink => "ended the link",
        AuditAction.Discharge => "discharged you",
        _ => action, // an action added later still shows, by its name
    };
}
