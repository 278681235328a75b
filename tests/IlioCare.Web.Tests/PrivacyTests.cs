using System.Net;
using System.Text.Json;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Who looked at my data, export of the care team, delete my account (F15).</summary>
public sealed class PrivacyTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private AuditTrail Audit => factory.Services.GetRequiredService<AuditTrail>();
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task RecordAsync(string actorId, string patientId, string action) =>
        await factory.InDatabaseAsync(async db => { await Audit.RecordAsync(db, actorId, patientId, action, null, Now, default); return true; });

    [Fact]
    public async Task WhoLooked_ShowsTheClinicianByName_InPlainWords_AndNotAnotherPatientsRows()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "looked-at@example.com");
        var (other, otherId) = await CareTeam.PatientAsync(factory, "other-looked-at@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Reader");
        await CareTeam.LinkAsync(patient, clinician.Client);
        // The clinician reads the patient's page (as the caseload's patient page records it) and another patient's.
        await RecordAsync(clinician.AccountId, patientId, AuditAction.ReadPatient);
        await RecordAsync(clinician.AccountId, otherId, AuditAction.ChangeDose);

        var html = WebUtility.HtmlDecode(await (await patient.GetAsync("/care/audit")).Content.ReadAsStringAsync());
        Assert.Contains("<td>Dr Reader</td>", html, StringComparison.Ordinal);
        Assert.Contains("opened your page", html, StringComparison.Ordinal);
        Assert.Contains("linked to you with your code", html, StringComparison.Ordinal);
        Assert.DoesNotContain("changed how much of an exercise you do", html, StringComparison.Ordinal);
        Assert.Contains(" UTC", html, StringComparison.Ordinal);
        // Newest first: the read comes before the link.
        Assert.True(html.IndexOf("opened your page", StringComparison.Ordinal) < html.IndexOf("linked to you", StringComparison.Ordinal));

        var otherHtml = await (await other.GetAsync("/care/audit")).Content.ReadAsStringAsync();
        Assert.Contains("changed how much of an exercise you do", otherHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("opened your page", otherHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoLooked_ADeletedClinician_IsAFormerClinician_AndTheListIsPaged()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "paged@example.com");
        var clinicianId = await Staff.CreateAsync(factory, Roles.Clinician, "gone@example.com", "Dr Gone");
        for (var i = 0; i < 30; i++)
            await RecordAsync(clinicianId, patientId, AuditAction.ReadPatient);
        await factory.InDatabaseAsync(async db => await db.Users.Where(u => u.Id == clinicianId).ExecuteDeleteAsync());

        var first = await (await patient.GetAsync("/care/audit")).Content.ReadAsStringAsync();
        Assert.Contains("a former clinician", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Gone", first, StringComparison.Ordinal);
        Assert.Equal(25, CountRows(first));
        Assert.Contains("/care/audit?page=1", first, StringComparison.Ordinal);
        Assert.Equal(5, CountRows(await (await patient.GetAsync("/care/audit?page=1")).Content.ReadAsStringAsync()));
    }

    private static int CountRows(string html) => html.Split("<tr>").Length - 2; // minus the text before and the header row

    [Fact]
    public async Task Export_HasTheCareLinksTreatmentsAndInvites_WithoutCodeHashes()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "export-care@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Export");
        await CareTeam.LinkAsync(patient, clinician.Client);
        await CareTeam.MakeCodeAsync(patient); // an open invite too
        await factory.InDatabaseAsync(async db =>
        {
            db.Treatments.Add(new TreatmentRecord
            {
                PatientId = patientId, ClinicianId = clinician.AccountId, Date = new DateOnly(2026, 11, 20),
                Kind = TreatmentKind.DryNeedling, Notes = "Two points, well tolerated.", RecordedAtUtc = Now,
            });
            return await db.SaveChangesAsync();
        });
        var hashes = await factory.InDatabaseAsync(db => db.LinkInvites.Where(i => i.PatientId == patientId).Select(i => i.CodeHash).ToListAsync());

        var json = await (await patient.GetAsync("/account/export")).Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        var link = Assert.Single(doc.RootElement.GetProperty("careLinks").EnumerateArray());
        Assert.Equal("Dr Export", link.GetProperty("clinician").GetString());
        var treatment = Assert.Single(doc.RootElement.GetProperty("treatments").EnumerateArray());
        Assert.Equal("dry-needling", treatment.GetProperty("kind").GetString());
        Assert.Equal("2026-11-20", treatment.GetProperty("date").GetString());
        Assert.Equal("Two points, well tolerated.", treatment.GetProperty("notes").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("invites").GetArrayLength());
        Assert.All(hashes, h => Assert.DoesNotContain(h, json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAccount_RemovesEveryRowOfThePatient_KeepsAnotherPatient_AndTheAuditChainWhole()
    {
        var (patient, patientId) = await CareTeam.PatientAsync(factory, "delete-me@example.com");
        var (other, otherId) = await CareTeam.PatientAsync(factory, "keep-me@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        foreach (var p in new[] { patient, other })
        {
            await CareTeam.LinkAsync(p, clinician.Client);
            await CareTeam.MakeCodeAsync(p);
        }
        foreach (var id in new[] { patientId, otherId })
        {
            await RecordAsync(clinician.AccountId, id, AuditAction.ReadPatient);
            await factory.InDatabaseAsync(async db =>
            {
                db.Treatments.Add(new TreatmentRecord { PatientId = id, ClinicianId = clinician.AccountId, Date = new DateOnly(2026, 11, 1), Kind = TreatmentKind.SoftTissueMassage, Notes = "-", RecordedAtUtc = Now });
                db.AccessTokens.Add(new AccessToken { AccountId = id, Name = "script", Prefix = "ilc_" + id[..4], Hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + id[..32], CreatedAtUtc = Now, ExpiresAtUtc = Now.AddDays(30) });
                db.AlertAcknowledgements.Add(new AlertAcknowledgement { ClinicianId = clinician.AccountId, PatientId = id, Kind = AlertKind.SeverePain, EvidenceKey = "x", AcknowledgedAtUtc = Now });
                return await db.SaveChangesAsync();
            });
        }
        var before = await RowsReferringToAsync(patientId);
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "PatientProfiles", "Assessments", "CareLinks", "LinkInvites", "Treatments", "AccessTokens", "AlertAcknowledgements" })
            Assert.True(before.GetValueOrDefault(table) > 0, $"the test patient has no row in {table}: the test would prove nothing there");
        var otherBefore = await RowsReferringToAsync(otherId);
        var auditRows = await factory.InDatabaseAsync(db => db.AuditLog.CountAsync());

        var wrong = await patient.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", "not my password")]);
        Assert.Contains("Nothing was deleted", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var deleted = await patient.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", Patients.Password)]);
        Assert.Equal("/?deleted=1", PathOf(deleted));

        Assert.DoesNotContain(await RowsReferringToAsync(patientId), kv => kv.Value > 0);
        Assert.Equal(otherBefore, await RowsReferringToAsync(otherId));
        Assert.Equal(auditRows, await factory.InDatabaseAsync(db => db.AuditLog.CountAsync()));
        Assert.True((await factory.InDatabaseAsync(db => Audit.VerifyAsync(db, default))).IsIntact);
        Assert.Equal("/sign-in?ReturnUrl=%2Faccount", PathOf(await patient.GetAsync("/account"))); // signed out
    }

    [Fact]
    public async Task LastAdmin_CannotDeleteThemselves_UntilThereIsAnother()
    {
        var first = await Staff.SignInAdminAsync(factory);
        var refused = await first.Client.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", Staff.Password)]);
        Assert.Contains("You are the last admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == first.AccountId)));

        await Staff.CreateAsync(factory, Roles.Admin, "second-admin@example.com", "Admin Two");
        var deleted = await first.Client.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", Staff.Password)]);
        Assert.Equal("/?deleted=1", PathOf(deleted));
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == first.AccountId)));
    }

    /// <summary>
    /// For every table with a foreign key to the account table (from the EF model, so a new table is covered by
    /// itself), how many rows point at <paramref name="accountId"/>; plus the account row itself.
    /// </summary>
    private Task<Dictionary<string, int>> RowsReferringToAsync(string accountId) => factory.InDatabaseAsync(async db =>
    {
        var counts = new Dictionary<string, int>();
        var accountType = db.Model.FindEntityType(typeof(Account))!;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            var columns = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType == accountType)
                .SelectMany(fk => fk.Properties).Select(p => p.GetColumnName()).ToList();
            if (entity == accountType) columns.Add("Id");
            foreach (var column in columns)
            {
                // Names from the EF model, the value as a parameter; quoted identifiers work on both providers.
                var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
                var n = await db.Database.SqlQueryRaw<int>(sql, accountId).SingleAsync();
                counts[table] = counts.GetValueOrDefault(table) + n;
            }
        }
        return counts;
    });
}
