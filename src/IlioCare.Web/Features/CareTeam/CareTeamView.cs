using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>One clinician in the patient's care team, now or before.</summary>
internal sealed record CareTeamMember(string ClinicianId, string Name, DateTime LinkedAtUtc, DateTime? EndedAtUtc, LinkEnd? EndReason, bool EndedByPatient);

/// <summary>What the "My care team" page shows (F13): the open invite, the clinicians now and before.</summary>
internal sealed record CareTeamView(DateTime? OpenInviteExpiresAtUtc, IReadOnlyList<CareTeamMember> Now, IReadOnlyList<CareTeamMember> Before, TimeZoneInfo Zone)
{
    /// <summary>A clinician who deleted their account is gone with the link (cascade); a name is always there.</summary>
    public static async Task<CareTeamView> LoadAsync(IlioCareDbContext db, string patientId, DateTime nowUtc, CancellationToken ct)
    {
        var invite = await db.LinkInvites.Where(i => i.PatientId == patientId && i.RedeemedAtUtc == null && i.ExpiresAtUtc > nowUtc)
            .Select(i => (DateTime?)i.ExpiresAtUtc).FirstOrDefaultAsync(ct);
        var links = await (from l in db.CareLinks
                           join u in db.Users on l.ClinicianId equals u.Id
                           where l.PatientId == patientId
                           orderby l.LinkedAtUtc descending
                           select new CareTeamMember(l.ClinicianId, u.DisplayName ?? u.Email ?? "", l.LinkedAtUtc, l.EndedAtUtc, l.EndReason, l.EndedBy == patientId))
            .ToListAsync(ct);
        var zoneId = await db.PatientProfiles.Where(p => p.AccountId == patientId).Select(p => p.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC";
        return new(invite, links.Where(l => l.EndedAtUtc is null).ToList(), links.Where(l => l.EndedAtUtc is not null).ToList(), FindZone(zoneId));
    }

    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A date (and time) in the patient's zone, written the way the reader's language writes it (issue 16).</summary>
    public string Local(DateTime utc, string format = "d MMM yyyy") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(format, System.Globalization.CultureInfo.CurrentCulture);
}
