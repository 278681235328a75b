using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Issue 15's patient page: each section at its own address, audited once per view, refused to an unlinked clinician.</summary>
public sealed class WorkspacePatientTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    public static TheoryData<string, string> Sections => new()
    {
        { "overview", "id=\"h-alerts\"" },
        { "assessment", "Self-care" },
        { "sessions", "Stopped: pain went up" },
        { "check-ins", "<caption>Check-ins of the last 8 weeks, newest first</caption>" },
        { "treatments", "Record a treatment" },
        { "exports", "/export/fhir\" download>" },
    };

    private async Task<(StaffMember Clinician, FormClient Patient, string PatientId)> LinkedAsync(string name)
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, $"{name}-dr@example.com", $"Dr {name}");
        var patient = new FormClient(factory);
        var patientId = await OnboardAsync(factory, patient, $"{name}-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        await CheckInAsync(patient, Answers(painMorning: 2, painNow: 2));
        var today = Today(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.InDatabaseAsync(async db =>
        {
            // The player's three endings (issue 14): stopped for pain, partly done, done.
            db.ExerciseLogs.AddRange(
                new ExerciseLogRecord { AccountId = patientId, Date = today, Exercise = ExerciseId.SideKick, Count = 4, HoldSeconds = 0, StoppedForPain = true, PainBefore = 2, PainDuring = 5, RecordedAtUtc = now },
                new ExerciseLogRecord { AccountId = patientId, Date = today, Exercise = ExerciseId.HipRaise, Count = 6, HoldSeconds = 0, Completed = false, PainBefore = 2, PainDuring = 2, RecordedAtUtc = now },
                new ExerciseLogRecord { AccountId = patientId, Date = today, Exercise = ExerciseId.ButterflyStretch, Count = 3, HoldSeconds = 20, Completed = true, PainBefore = 1, PainDuring = 1, RecordedAtUtc = now });
            return await db.SaveChangesAsync();
        });
        return (clinician, patient, patientId);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Section_HasItsOwnAddress_MarkedCurrent_AuditedOnce_RefusedToAnotherClinician(string section, string shows)
    {
        var (clinician, _, patientId) = await LinkedAsync("sec-" + section);
        var stranger = await Staff.SignInClinicianAsync(factory, $"sec-{section}-stranger@example.com", "Dr Stranger");
        var subject = Clinicians.Pseudonym(factory, patientId);
        var before = (await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ReadPatient)).Count(e => e.Subject == subject);

        var response = await clinician.Client.GetAsync($"/clinician/patients/{patientId}/{section}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(shows, html, StringComparison.Ordinal);
        Assert.Contains($"<nav class=\"section-nav\" aria-label=\"Patient sections\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/clinician/patients/{patientId}/{section}\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "aria-current=\"page\"")); // one current section
        var audit = (await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ReadPatient)).Where(e => e.Subject == subject).ToList();
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal(section, audit[^1].Detail);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/clinician/patients/{patientId}/{section}")).StatusCode);
        Assert.DoesNotContain(await Clinicians.AuditAsync(factory, stranger.AccountId, AuditAction.ReadPatient), e => e.Subject == subject);
    }

    [Fact]
    public async Task Sessions_EveryLogWithPlannedDonePainsAndEnding_FilterableByExercise()
    {
        var (clinician, _, patientId) = await LinkedAsync("sessions");

        var all = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/sessions")).Content.ReadAsStringAsync());
        Assert.Contains("3 exercise logs", all, StringComparison.Ordinal);
        Assert.Contains("Stopped: pain went up", all, StringComparison.Ordinal);
        Assert.Contains("Partly done", all, StringComparison.Ordinal);
        Assert.Contains(">Done<", all, StringComparison.Ordinal);
        Assert.Contains("3 holds of 20 seconds", all, StringComparison.Ordinal); // done, as logged
        Assert.Contains("data-label=\"Pain during\">5<", all, StringComparison.Ordinal);

        var one = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/sessions?exercise=side-kick")).Content.ReadAsStringAsync());
        Assert.Contains("1 exercise log of Side kick", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Partly done", one, StringComparison.Ordinal);
        // An unknown exercise shows them all, not an error.
        Assert.Contains("3 exercise logs", WebUtility.HtmlDecode(await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/sessions?exercise=%3Cx%3E")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessment_AnswersAndTriageInWords_WithTheDate()
    {
        var (clinician, _, patientId) = await LinkedAsync("answers");

        var html = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/assessment")).Content.ReadAsStringAsync());

        Assert.Contains("(latest)", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Triage</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Pain now</dt>", html, StringComparison.Ordinal);
        Assert.Contains(" out of 10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Warning signs</dt>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("self-care<", html, StringComparison.Ordinal); // words, not the code
    }

    [Fact]
    public async Task Exports_VisibleLinks_JsonKeepsProgramDataOnly_AndIsAudited()
    {
        var (clinician, _, patientId) = await LinkedAsync("exports");
        var html = await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}/exports")).Content.ReadAsStringAsync();
        foreach (var file in new[] { "fhir", "check-ins.csv", "sessions.csv", "json" })
            Assert.Contains($"href=\"/clinician/patients/{patientId}/export/{file}\"", html, StringComparison.Ordinal);

        var json = await clinician.Client.GetAsync($"/clinician/patients/{patientId}/export/json");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var body = await json.Content.ReadAsStringAsync();
        Assert.Contains("\"exerciseLogs\"", body, StringComparison.Ordinal);
        Assert.Contains("\"checkIns\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("accessTokens", body, StringComparison.Ordinal); // the patient's own business
        Assert.DoesNotContain("careLinks", body, StringComparison.Ordinal);
        var subject = Clinicians.Pseudonym(factory, patientId);
        Assert.Contains(await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ReadExport), e => e.Subject == subject && e.Detail == "json");
    }

    [Fact]
    public async Task Overview_AcknowledgeAnAlert_ComesBackToTheOverview()
    {
        var (clinician, patient, patientId) = await LinkedAsync("ack");
        await CheckInAsync(patient, Answers(painMorning: 8, painNow: 8));
        var page = $"/clinician/patients/{patientId}/overview";
        var html = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("Pain 8 out of 10 on ", html, StringComparison.Ordinal);
        var from = html.IndexOf("value=\"severe-pain\"", StringComparison.Ordinal);
        Assert.True(from > 0, "no Acknowledge form for the severe pain alert");
        var key = System.Text.RegularExpressions.Regex.Match(html[from..], "name=\"evidenceKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);

        var posted = await clinician.Client.PostFormAsync(page, "acknowledge",
            [F("patientId", patientId), F("kind", "severe-pain"), F("evidenceKey", key), F("returnTo", page)], action: "/clinician/alerts/acknowledge");

        Assert.Equal(page + "?acknowledged=1", PathOf(posted));
        // Another site's address is never a way back (no open redirect).
        var elsewhere = await clinician.Client.PostFormAsync(page, "acknowledge",
            [F("patientId", patientId), F("kind", "severe-pain"), F("evidenceKey", key), F("returnTo", "//evil.example/clinician/patients/x")], action: "/clinician/alerts/acknowledge");
        Assert.Equal("/clinician?acknowledged=1", PathOf(elsewhere));
    }

    [Fact]
    public async Task ProgramConflict_SameClinicianInASecondTab_IsToldItWasThem_NotAnotherClinician()
    {
        var (clinician, _, patientId) = await LinkedAsync("tabs");
        var page = $"/clinician/patients/{patientId}/program";
        var html = await (await clinician.Client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Form.Version\" value=\"0\"", html, StringComparison.Ordinal);
        KeyValuePair<string, string>[] Fields(string phase) =>
        [
            F("Form.Version", "0"), F("Form.Phase", phase), F("Form.PainRule", "strict"),
            F("Form.Dose[straight-leg-raise]", "2x15-none"), F("Form.Dose[seated-marching]", "2x15-none"), F("Form.Dose[standing-band-hip-flexion]", "2x15-none"),
            F("Form.Dose[lying-hip-rotation]", "10x0"), F("Form.Dose[butterfly-stretch]", "3x20"), F("Form.Dose[side-kick]", "10x0"),
            F("Form.Dose[hip-raise]", "10x0"), F("Form.Dose[leg-raise]", "10x0"), F("Form.Note", ""),
        ];

        var first = await clinician.Client.PostFormAsync(page, "program", Fields("settle")); // from restore, where onboarding started it
        Assert.Equal($"/clinician/patients/{patientId}/overview?saved=1", PathOf(first));
        var second = await clinician.Client.PostFormAsync(page, "program", Fields("return")); // the other tab, still on version 0

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var text = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        var alert = System.Text.RegularExpressions.Regex.Match(text, "role=\"alert\">([^<]*)<").Groups[1].Value;
        Assert.True(alert.Contains("this program was changed by you, in another tab or window at ", StringComparison.Ordinal), alert);
        Assert.Contains("phase settle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("another clinician", text, StringComparison.OrdinalIgnoreCase);
    }
}
