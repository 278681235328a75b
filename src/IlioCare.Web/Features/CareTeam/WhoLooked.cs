using IlioCare.Data;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>One line of "who looked at my data": when, who, what in plain words.</summary>
internal sealed record WhoLookedRow(DateTime AtUtc, DateTime AtLocal, string Who, string What);

/// <summary>
/// "Who looked at my data" (F15): the audit rows about the signed-in patient, newest first. The log holds
/// pseudonyms only; staff pseudonyms are mapped back to display names here, and an actor who is no longer an
/// account (deleted) shows as "a former clinician".
/// </summary>
internal sealed class WhoLooked
{
    private WhoLooked() { } // a holder of functions; a class (not static) so that it can name its Spanish resources

    public const int PageSize = 25;

    public static async Task<(IReadOnlyList<WhoLookedRow> Rows, bool More)> PageAsync(IlioCareDbContext db, AuditTrail audit, IStringLocalizer<WhoLooked> L,
        string patientId, int page, CancellationToken ct)
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
            e.Actor == me ? L["You"] : names.GetValueOrDefault(e.Actor) ?? L["a former clinician"],
            Describe(e.Action, L))).ToList();
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
        return staff.DistinctBy(s => s.Id).Where(s => s.Name is not null).ToDictionary(s => audit.Pseudonym(s.Id), s => s.Name!);
    }

    /// <summary>The log's action in the patient's words, in their language (issue 16).</summary>
    public static string Describe(string action, IStringLocalizer<WhoLooked> L) => action switch
    {
        AuditAction.ReadCaseload => L["saw you in their list of patients"],
        AuditAction.ReadPatient => L["opened your page (program, check-ins and charts)"],
        AuditAction.ReadExport => L["exported your data"],
        AuditAction.ChangeProgram => L["changed your program"],
        AuditAction.ChangeDose => L["changed how much of an exercise you do"],
        AuditAction.AcknowledgeAlert => L["marked an alert about you as seen"],
        AuditAction.RecordTreatment => L["recorded a treatment"],
        AuditAction.Link => L["linked to you with your code"],
        AuditAction.Unlink => L["ended the link"],
        AuditAction.Discharge => L["discharged you"],
        _ => action, // an action added later still shows, by its name
    };
}
