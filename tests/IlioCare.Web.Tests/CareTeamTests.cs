using System.Net;
using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class CareTeamTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private AuditTrail Audit => factory.Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task Invite_Redeemed_LinksThePair_AuditsIt_AndStoresOnlyTheHash()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "invite@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Ana Silva");
        var code = await CareTeam.MakeCodeAsync(patient);
        Assert.Matches("^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$", code);

        var invite = await factory.InDatabaseAsync(db => db.LinkInvites.SingleAsync(i => i.PatientId == patientId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal)))), invite.CodeHash);
        Assert.Equal(TimeSpan.FromDays(7), invite.ExpiresAtUtc - invite.CreatedAtUtc);

        // Typed in lower case with a space: still the code.
        var page = await CareTeam.RedeemAsync(clinician.Client, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Contains("You now follow", page, StringComparison.Ordinal);

        var link = await factory.InDatabaseAsync(db => db.CareLinks.SingleAsync(l => l.PatientId == patientId));
        Assert.Equal(clinician.AccountId, link.ClinicianId);
        Assert.Null(link.EndedAtUtc);
        var redeemed = await factory.InDatabaseAsync(db => db.LinkInvites.SingleAsync(i => i.PatientId == patientId));
        Assert.Equal(clinician.AccountId, redeemed.RedeemedBy);
        var audit = await factory.InDatabaseAsync(db => db.AuditLog.Where(e => e.Action == AuditAction.Link).ToListAsync());
        Assert.Contains(audit, e => e.Actor == Audit.Pseudonym(clinician.AccountId) && e.Subject == Audit.Pseudonym(patientId));

        var care = WebUtility.HtmlDecode(await (await patient.GetAsync("/care")).Content.ReadAsStringAsync());
        Assert.Contains("<strong>Dr Ana Silva</strong>, since", care, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedExpiredAndUnknownCodes_GetOneMessage_AndLinkNobody()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "codes@example.com");
        var first = await Staff.SignInClinicianAsync(factory);
        var second = await Staff.SignInClinicianAsync(factory);

        var used = await CareTeam.MakeCodeAsync(patient);
        await CareTeam.RedeemAsync(first.Client, used);
        Assert.Contains(CareTeam.InvalidCodeMessage, await CareTeam.RedeemAsync(second.Client, used), StringComparison.Ordinal);

        var expired = await CareTeam.MakeCodeAsync(patient);
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        // A staff sign-in lasts 12 hours: a week later, a clinician signs in afresh.
        var third = await Staff.SignInClinicianAsync(factory);
        Assert.Contains(CareTeam.InvalidCodeMessage, await CareTeam.RedeemAsync(third.Client, expired), StringComparison.Ordinal);

        Assert.Contains(CareTeam.InvalidCodeMessage, await CareTeam.RedeemAsync(third.Client, "AAAA-AAAA"), StringComparison.Ordinal);
        Assert.Contains(CareTeam.InvalidCodeMessage, await CareTeam.RedeemAsync(third.Client, "not a code"), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.CareLinks.AnyAsync(l => l.ClinicianId == second.AccountId || l.ClinicianId == third.AccountId)));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.CareLinks.CountAsync(l => l.PatientId == patientId)));
    }

    [Fact]
    public async Task NewCode_ReplacesTheOpenOne()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "replace@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        var old = await CareTeam.MakeCodeAsync(patient);
        var fresh = await CareTeam.MakeCodeAsync(patient);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.LinkInvites.CountAsync(i => i.PatientId == patientId)));
        Assert.Contains(CareTeam.InvalidCodeMessage, await CareTeam.RedeemAsync(clinician.Client, old), StringComparison.Ordinal);
        Assert.Contains("You now follow", await CareTeam.RedeemAsync(clinician.Client, fresh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlreadyLinked_IsSaid_AndTheCodeStaysOpen()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "twice@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        await CareTeam.LinkAsync(patient, clinician.Client);
        var again = await CareTeam.MakeCodeAsync(patient);
        Assert.Contains("You already follow this patient", await CareTeam.RedeemAsync(clinician.Client, again), StringComparison.Ordinal);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.CareLinks.CountAsync(l => l.PatientId == patientId)));
        Assert.True(await factory.InDatabaseAsync(db => db.LinkInvites.AnyAsync(i => i.PatientId == patientId && i.RedeemedAtUtc == null)));
    }

    [Fact]
    public async Task PatientUnlink_EndsTheClinicansAccess_AndShowsAsBefore()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "unlink@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Ended");
        await CareTeam.LinkAsync(patient, clinician.Client);

        var page = await patient.PostFormAsync("/care", "unlink-clinician", [F("Unlink.ClinicianId", clinician.AccountId)]);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Dr Ended no longer sees your data", html, StringComparison.Ordinal);
        Assert.Contains("you unlinked", html, StringComparison.Ordinal);

        var link = await factory.InDatabaseAsync(db => db.CareLinks.SingleAsync(l => l.PatientId == patientId));
        Assert.Equal((patientId, LinkEnd.Unlinked), (link.EndedBy, link.EndReason));
        Assert.True(await factory.InDatabaseAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditAction.Unlink && e.Subject == Audit.Pseudonym(patientId))));
        // The clinician's side now finds no link: 404 (CareAccess), as for any patient not theirs.
        var unlink = await clinician.Client.PostFormAsync("/clinician/link", "redeem-invite", [], action: $"/clinician/patients/{patientId}/unlink");
        Assert.Equal(HttpStatusCode.NotFound, unlink.StatusCode);
    }

    [Fact]
    public async Task ClinicianDischarge_And_Unlink_EndTheLink_OtherClinicians404()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "discharge@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        var stranger = await Staff.SignInClinicianAsync(factory);
        await CareTeam.LinkAsync(patient, clinician.Client);

        var notTheirs = await stranger.Client.PostFormAsync("/clinician/link", "redeem-invite", [], action: $"/clinician/patients/{patientId}/discharge");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        var discharge = await clinician.Client.PostFormAsync("/clinician/link", "redeem-invite", [], action: $"/clinician/patients/{patientId}/discharge");
        Assert.Equal("/clinician", PathOf(discharge));
        var link = await factory.InDatabaseAsync(db => db.CareLinks.SingleAsync(l => l.PatientId == patientId));
        Assert.Equal((clinician.AccountId, LinkEnd.Discharged), (link.EndedBy, link.EndReason));
        Assert.True(await factory.InDatabaseAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditAction.Discharge && e.Actor == Audit.Pseudonym(clinician.AccountId))));
        Assert.Contains("discharged you", await (await patient.GetAsync("/care")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Linked again, then unlinked by the clinician.
        await CareTeam.LinkAsync(patient, clinician.Client);
        var unlink = await clinician.Client.PostFormAsync("/clinician/link", "redeem-invite", [], action: $"/clinician/patients/{patientId}/unlink");
        Assert.Equal("/clinician", PathOf(unlink));
        Assert.False(await factory.InDatabaseAsync(db => db.CareLinks.AnyAsync(l => l.PatientId == patientId && l.EndedAtUtc == null)));
    }

    [Fact]
    public async Task ClinicianEndpoints_WithoutTheAntiforgeryToken_AreRefused()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "csrf@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        await CareTeam.LinkAsync(patient, clinician.Client);
        var forged = await clinician.Http.PostAsync($"/clinician/patients/{patientId}/discharge", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.CareLinks.AnyAsync(l => l.PatientId == patientId && l.EndedAtUtc == null)));
    }

    [Fact]
    public async Task Patient_CannotUseTheClinicianLinkPage()
    {
        var (patient, _) = await CareTeam.PatientAsync(factory, "not-clinician@example.com");
        var response = await patient.FollowAsync(await patient.GetAsync("/clinician/link"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
