using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>F13 through the real pages, signed in with two-factor: caseload, acknowledge, patient page, program edit and its conflict.</summary>
public sealed partial class ClinicianPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private async Task<(StaffMember Clinician, FormClient Patient, string PatientId)> LinkedAsync(string name)
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, $"{name}-dr@example.com", $"Dr {name}");
        var patient = new FormClient(factory);
        var patientId = await OnboardAsync(factory, patient, $"{name}-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        return (clinician, patient, patientId);
    }

    [Fact]
    public async Task Caseload_WarningSignCheckIn_FlaggedWithReason_AcknowledgeDropsIt()
    {
        var (clinician, patient, patientId) = await LinkedAsync("flag");
        await CheckInAsync(patient, Answers(sign: "fever"));

        var html = await (await clinician.Client.GetAsync("/clinician")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/clinician/patients/{patientId}\">Pat flag-patient</a>", html, StringComparison.Ordinal); // issue 18: the name
        Assert.Contains("flag-patient@example.com", html, StringComparison.Ordinal); // and the address, second
        Assert.Contains($"Fever reported on {IlioCare.Clinical.Caseload.CaseloadAlerts.Day(Today(factory))}", html, StringComparison.Ordinal);
        var key = WebUtility.HtmlDecode(EvidenceKey().Match(html).Groups[1].Value);

        var posted = await clinician.Client.PostFormAsync("/clinician", "acknowledge",
            [F("patientId", patientId), F("kind", "warning-sign"), F("evidenceKey", key)], action: "/clinician/alerts/acknowledge");

        Assert.Equal("/clinician?acknowledged=1", PathOf(posted));
        html = await (await clinician.Client.GetAsync("/clinician")).Content.ReadAsStringAsync();
        Assert.Contains("(acknowledged)", html, StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.AlertAcknowledgements.AnyAsync(a => a.PatientId == patientId && a.EvidenceKey == key)));
    }

    [Fact]
    public async Task ClinicianPages_PatientOrUnlinkedClinician_AreRefused()
    {
        var (_, patient, patientId) = await LinkedAsync("refuse");
        var stranger = await Staff.SignInClinicianAsync(factory, "refuse-stranger@example.com", "Dr Stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/clinician/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/clinician/patients/{patientId}/program")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        // Valid bodies too: the link check answers 404 and nothing is stored (the authorization matrix sends empty bodies).
        var today = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PutAsJsonAsync($"/api/v1/patients/{patientId}/program", new { version = 0, painRule = "monitoring" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/treatments", new { date = today, kind = "dry-needling", notes = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/alerts/acknowledgements", new { kind = "missed-check-in", evidenceKey = "missed:none" })).StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Treatments.AnyAsync(t => t.PatientId == patientId)));
        Assert.False(await factory.InDatabaseAsync(db => db.AlertAcknowledgements.AnyAsync(a => a.PatientId == patientId)));
        Assert.Equal(Clinical.Progression.PainRule.Strict, await factory.InDatabaseAsync(db => db.PatientProfiles.Where(p => p.AccountId == patientId).Select(p => p.PainRule).SingleAsync()));
        Assert.DoesNotContain("refuse-patient", await (await stranger.Client.GetAsync("/clinician")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A patient is not a clinician: never the caseload.
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync("/clinician")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync($"/clinician/patients/{patientId}")).StatusCode);
    }

    [Fact]
    public async Task PatientPage_ShowsChartsCheckInsAndUnlinkDischargeForms_AndIsAudited()
    {
        var (clinician, patient, patientId) = await LinkedAsync("detail");
        await CheckInAsync(patient, Answers(painMorning: 3, stiffness: 25, painNow: 4));

        var response = await clinician.Client.GetAsync($"/clinician/patients/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"h-pain\"", html, StringComparison.Ordinal); // the /progress charts, one builder
        // Issue 15: the check-in table is its own section.
        var checkIns = await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/check-ins")).Content.ReadAsStringAsync();
        Assert.Contains("<caption>Check-ins of the last 8 weeks, newest first</caption>", checkIns, StringComparison.Ordinal);
        Assert.Contains("<td>25</td>", checkIns, StringComparison.Ordinal);
        Assert.Contains($"action=\"/clinician/patients/{patientId}/unlink\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/clinician/patients/{patientId}/discharge\"", html, StringComparison.Ordinal);
        var subject = Clinicians.Pseudonym(factory, patientId);
        Assert.Contains(await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ReadPatient), e => e.Subject == subject);
    }

    private static KeyValuePair<string, string>[] ProgramFields(string version, string phase, string rule, string slr, string note) =>
    [
        F("Form.Version", version), F("Form.Phase", phase), F("Form.PainRule", rule),
        F("Form.Dose[straight-leg-raise]", slr), F("Form.Dose[seated-marching]", "2x15-none"), F("Form.Dose[standing-band-hip-flexion]", "2x15-none"),
        F("Form.Dose[lying-hip-rotation]", "10x0"), F("Form.Dose[butterfly-stretch]", "3x20"), F("Form.Dose[side-kick]", "10x0"),
        F("Form.Dose[hip-raise]", "10x0"), F("Form.Dose[leg-raise]", "10x0"), F("Form.Note", note),
    ];

    [Fact]
    public async Task ProgramPage_TwoCliniciansFromVersionZero_SecondSeesTheConflict_FirstChangeStands_PatientSeesIt()
    {
        var (first, patient, patientId) = await LinkedAsync("conflict");
        var second = await Staff.SignInClinicianAsync(factory, "conflict-second@example.com", "Dr Second");
        await Clinicians.LinkAsync(factory, patientId, second.AccountId);
        var page = $"/clinician/patients/{patientId}/program";

        var saved = await first.Client.PostFormAsync(page, "program", ProgramFields("0", "restore", "strict", "2x20-light", "Slow lowering"));
        Assert.Equal($"/clinician/patients/{patientId}/overview?saved=1", PathOf(saved));

        var late = await second.Client.PostFormAsync(page, "program", ProgramFields("0", "settle", "monitoring", "3x20-heavy", "Mine"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        // Issue 15: who changed it and what, by name.
        Assert.Contains("Nothing was saved: this program was changed by Dr conflict at ", html, StringComparison.Ordinal);
        var alert = Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value;
        Assert.True(alert.Contains("Straight leg raise 2×20, light resistance (up)", StringComparison.Ordinal), alert);
        Assert.Contains("name=\"Form.Version\" value=\"1\"", html, StringComparison.Ordinal);

        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == patientId));
        Assert.Equal((1, IlioCare.Clinical.Progression.PainRule.Strict), (profile.ProgramVersion, profile.PainRule));
        var today = WebUtility.HtmlDecode(await (await patient.GetAsync("/today")).Content.ReadAsStringAsync());
        Assert.Contains("Set by Dr conflict: Slow lowering", today, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_CaseloadProgramConflictAndBadBody()
    {
        var (clinician, _, patientId) = await LinkedAsync("api");

        var caseload = await clinician.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/caseload");
        Assert.Equal(patientId, caseload[0].GetProperty("patientId").GetString());

        var ok = await clinician.Http.PutAsJsonAsync($"/api/v1/patients/{patientId}/program", new { version = 0, painRule = "monitoring" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await clinician.Http.PutAsJsonAsync($"/api/v1/patients/{patientId}/program", new { version = 0, painRule = "strict" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var bad = await clinician.Http.PutAsJsonAsync($"/api/v1/patients/{patientId}/program", new { version = "1", painRule = "Strict", extra = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.Equal(["extra", "painRule", "version"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var detail = await clinician.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/patients/{patientId}");
        Assert.Equal(("monitoring", 1), (detail.GetProperty("painRule").GetString(), detail.GetProperty("programVersion").GetInt32()));
    }

    [GeneratedRegex("name=\"evidenceKey\" value=\"([^\"]+)\"")]
    private static partial Regex EvidenceKey();
}
