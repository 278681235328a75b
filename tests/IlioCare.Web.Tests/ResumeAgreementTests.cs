using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 12, F3: a resume after a warning-sign pause — the same day, the day after, on a later day — and what every
/// reader says at each moment: Today, the program page, the paused and resume pages, <c>/api/v1/me/today</c>,
/// <c>/api/v1/me/program</c> and the clinician's caseload must agree (one decision, SafetyNet). Runs on SQLite and
/// PostgreSQL (the Postgres project compiles these sources again).
/// </summary>
public sealed class ResumeAgreementTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    /// <param name="ClinicianApi">The clinician's script token: a staff cookie ends after 12 hours, and these tests live for days.</param>
    private sealed record Patient(FormClient Client, string Id, HttpClient Api, StaffMember Clinician, HttpClient ClinicianApi);

    private async Task<Patient> PatientAsync(string name)
    {
        // The patient first: onboarding moves the clock to the morning, past a staff cookie's 12 hours.
        var (client, id, api) = await OnboardedPatientAsync(factory, $"{name}@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, $"{name}-dr@example.com", $"Dr {name}");
        await Clinicians.LinkAsync(factory, id, clinician.AccountId);
        var (token, _) = await CreateTokenAsync(clinician.Client);
        return new(client, id, api, clinician, Bearer(factory, token));
    }

    [Fact]
    public async Task SameDayResume_AfterAFever_EveryReaderAgrees_AndTheDayAfterStaysResumed()
    {
        var p = await PatientAsync("resume-same-day");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(p.Client, Answers(sign: "fever"))));
        await AgreeAsync(p, paused: true, "the fever's check-in");

        // A clean assessment taken while paused leads to the resume page and says the real restart phase (settle).
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var result = await Html(p.Client, await Patients.TakeAssessmentAsync(p.Client));
        Assert.Contains("href=\"/program/resume\"", result, StringComparison.Ordinal);
        Assert.Contains("Your program restarts in the settle phase once you confirm", result, StringComparison.Ordinal);
        Assert.DoesNotContain("would start", result, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/onboarding\"", result, StringComparison.Ordinal);
        // Setting the program up again would skip the doctor's check: the page sends the patient to the resume, the API refuses.
        Assert.Equal("/program/resume", PathOf(await p.Client.GetAsync("/onboarding")));
        Assert.Equal(HttpStatusCode.Conflict, (await p.Api.PutAsync("/api/v1/me/onboarding", Json(
            """{"side":"left","sports":["running"],"preInjuryWeeklyMinutes":180,"timeZone":"Europe/Paris","sessionTime":"18:30","massageCautions":[]}"""))).StatusCode);
        var resumePage = await Html(p.Client, "/program/resume");
        Assert.Contains("Done: you took a new self-assessment that shows no warning signs.", resumePage, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", resumePage, StringComparison.Ordinal);
        await AgreeAsync(p, paused: true, "clean assessment, doctor's check not yet confirmed");

        Assert.Equal("/today", PathOf(await p.Client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")])));
        await AgreeAsync(p, paused: false, "resumed the same day");
        var today = await JsonAsync(await p.Api.GetAsync("/api/v1/me/today"));
        Assert.Equal(("settle", WireName.Of(TodayStatus.Ready), true), (today.GetProperty("phase").GetString(), today.GetProperty("status").GetString(), today.GetProperty("canExercise").GetBoolean()));
        var states = await StatesAsync(factory, p.Id);
        Assert.Equal((Phase.Settle, PhaseMove.Resume, Today(factory).AddDays(1)), (states[^1].Phase, states[^1].Move, states[^1].CountsFrom));
        Assert.StartsWith("Paused earlier today for a warning sign.", states[^1].Reason, StringComparison.Ordinal); // the pause stays in the history

        // Saving today's check-in again with the same (covered) sign neither pauses nor sends the patient to the paused page.
        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(p.Client, Answers(painNow: 2, sign: "fever"))));
        await AgreeAsync(p, paused: false, "the same check-in saved again");

        // The day after: resumed before and after the check-in; settle counts from today.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await AgreeAsync(p, paused: false, "the day after, before the check-in");
        Assert.Equal(WireName.Of(TodayStatus.NoCheckIn), (await JsonAsync(await p.Api.GetAsync("/api/v1/me/today"))).GetProperty("status").GetString());
        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(p.Client, Answers())));
        await AgreeAsync(p, paused: false, "the day after, checked in");
        Assert.Equal("settle", (await JsonAsync(await p.Api.GetAsync("/api/v1/me/program"))).GetProperty("phase").GetString());

        // A new sign on a later check-in pauses again.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(p.Client, Answers(sign: "chills"))));
        await AgreeAsync(p, paused: true, "a new sign two days later");
    }

    [Fact]
    public async Task SameDayResume_ThenANewSignAddedToTodaysCheckIn_PausesAgain_AndNeedsANewerAssessment()
    {
        var p = await PatientAsync("resume-new-sign");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers(sign: "fever"));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Patients.TakeAssessmentAsync(p.Client);
        Assert.Equal(HttpStatusCode.NoContent, (await p.Api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode);
        await AgreeAsync(p, paused: false, "resumed through the API");

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await JsonAsync(await p.Api.PutAsync($"/api/v1/me/check-ins/{TodayIso(factory)}",
            Json("""{"painMorning":1,"stiffnessMinutes":10,"painNow":1,"warningSigns":["fever","numbness-or-weakness"]}""")));
        await AgreeAsync(p, paused: true, "numbness added after the resume");
        // The assessment before the new sign does not count for this pause.
        Assert.Equal(HttpStatusCode.Conflict, (await p.Api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode);
        Assert.Contains("id=\"assessment-error\"", await (await p.Client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")])).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AgreeAsync(p, paused: true, "resume refused without a newer assessment");
    }

    [Fact]
    public async Task SameDayResume_ThenAHolidayPauseThatDay_IsNoWarningSignPause()
    {
        var p = await PatientAsync("resume-holiday");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers(sign: "fever"));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Patients.TakeAssessmentAsync(p.Client);
        Assert.Equal(HttpStatusCode.NoContent, (await p.Api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode);

        // Starting a holiday pause re-runs today's review: the covered fever must not turn it back into a warning-sign pause.
        Assert.Equal(HttpStatusCode.NoContent, (await p.Api.PostAsync("/api/v1/me/pause", Json("""{"reason":"holiday"}"""))).StatusCode);
        Assert.Equal(WireName.Of(TodayStatus.PausedByPatient), (await JsonAsync(await p.Api.GetAsync("/api/v1/me/today"))).GetProperty("status").GetString());
        Assert.False((await JsonAsync(await p.Api.GetAsync("/api/v1/me/program"))).GetProperty("pausedForWarningSign").GetBoolean());
        Assert.False((await StatesAsync(factory, p.Id))[^1].PausedForWarningSign);
        Assert.Contains("Your program is not paused", await Html(p.Client, "/program/paused"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeOnALaterDay_PausedUntilThen_ThenEveryReaderAgrees()
    {
        var p = await PatientAsync("resume-later");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers(sign: "fever"));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await AgreeAsync(p, paused: true, "the day after the sign, before the check-in");
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(p.Client, Answers())));
        await AgreeAsync(p, paused: true, "the day after the sign, a calm check-in");

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await Patients.TakeAssessmentAsync(p.Client);
        await AgreeAsync(p, paused: true, "two days later, clean assessment only");
        Assert.Equal("/today", PathOf(await p.Client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")])));
        await AgreeAsync(p, paused: false, "resumed two days later");
        var program = await JsonAsync(await p.Api.GetAsync("/api/v1/me/program"));
        Assert.Equal("settle", program.GetProperty("phase").GetString());
        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(p.Client, Answers())));
        await AgreeAsync(p, paused: false, "resumed two days later, checked in");
    }

    [Fact]
    public async Task PausedPatient_RetakesTheAssessmentWithAWarningSign_StaysPaused_WithTheAdvice()
    {
        var p = await PatientAsync("resume-urgent");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers(sign: "fever"));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var result = await Html(p.Client, await Patients.TakeAssessmentAsync(p.Client,
            [.. Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns"), F("Form.Flags", "fever")]));
        Assert.Contains("See a doctor within 24 hours", result, StringComparison.Ordinal);
        Assert.Contains("Your program stays paused.", result, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/program/resume\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the program", result, StringComparison.Ordinal);
        Assert.Contains("Your latest self-assessment still shows a warning sign", await Html(p.Client, "/program/resume"), StringComparison.Ordinal);
        await AgreeAsync(p, paused: true, "an urgent assessment while paused");
    }

    [Theory]
    [InlineData(false, "See a doctor within 24 hours")]
    [InlineData(true, "Go to emergency care now")] // SPEC §3 revision 3 possible-bleed: numbness on blood thinners
    public async Task PausedPage_Advice_WeighsTheLatestAssessmentsRiskFactors(bool bloodThinners, string heading)
    {
        var p = await PatientAsync($"paused-risk-{bloodThinners}".ToLowerInvariant());
        await factory.InDatabaseAsync(async db =>
        {
            var assessment = await db.Assessments.Where(a => a.AccountId == p.Id).OrderByDescending(a => a.TakenAtUtc).FirstAsync();
            var input = System.Text.Json.Nodes.JsonNode.Parse(assessment.InputJson)!.AsObject();
            input["bloodThinners"] = bloodThinners;
            assessment.InputJson = input.ToJsonString();
            return await db.SaveChangesAsync();
        });
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(p.Client, Answers(sign: "numbness-or-weakness"))));
        var paused = await Html(p.Client, "/program/paused");
        Assert.Contains($">{heading}</h1>", paused, StringComparison.Ordinal);
        Assert.Equal(bloodThinners, paused.Contains("href=\"tel:112\">112</a> or go to the nearest emergency department now", StringComparison.Ordinal));
    }

    /// <summary>Every reader at this moment says the same: paused by a warning sign, or not.</summary>
    /// <param name="signAlert">
    /// False for a pause an assessment started (H118): the caseload row says paused, but its warning-sign alert is built
    /// from check-in signs, and there are none.
    /// </param>
    private static async Task AgreeAsync(Patient p, bool paused, string moment, bool signAlert = true)
    {
        var today = await JsonAsync(await p.Api.GetAsync("/api/v1/me/today"));
        var program = await JsonAsync(await p.Api.GetAsync("/api/v1/me/program"));
        var caseload = await p.ClinicianApi.GetFromJsonAsync<JsonElement>("/api/v1/caseload");
        var row = caseload.EnumerateArray().Single(r => r.GetProperty("patientId").GetString() == p.Id);
        var detail = await p.ClinicianApi.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{p.Id}");
        var todayPage = await Html(p.Client, "/today");
        var programPage = await Html(p.Client, "/program");
        var pausedPage = await Html(p.Client, "/program/paused");
        var resumePage = await Html(p.Client, "/program/resume");

        var said = new Dictionary<string, bool>
        {
            ["api today"] = today.GetProperty("status").GetString() == WireName.Of(TodayStatus.PausedForWarningSign),
            ["api program"] = program.GetProperty("pausedForWarningSign").GetBoolean(),
            ["caseload row"] = row.GetProperty("paused").GetBoolean(),
            ["caseload alert"] = row.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == WireName.Of(AlertKind.WarningSign)),
            ["clinician patient"] = detail.GetProperty("paused").GetBoolean(),
            ["/today"] = todayPage.Contains("Your program is paused", StringComparison.Ordinal),
            ["/program"] = programPage.Contains("No exercises until a doctor has checked it.", StringComparison.Ordinal),
            ["/program/paused"] = !pausedPage.Contains("Your program is not paused", StringComparison.Ordinal),
            ["/program/resume"] = !resumePage.Contains("Your program is not paused for a warning sign", StringComparison.Ordinal),
        };
        if (!signAlert) said.Remove("caseload alert");
        var disagree = said.Where(s => s.Value != paused).Select(s => s.Key).ToArray();
        Assert.True(disagree.Length == 0, $"{moment}: expected paused={paused}, but {string.Join(", ", disagree)} said otherwise");
        Assert.Equal(!paused, programPage.Contains("Not paused.", StringComparison.Ordinal));
        Assert.Equal(paused, pausedPage.Contains("href=\"/program/resume\"", StringComparison.Ordinal)); // the way out is always offered while paused
    }

    /// <summary>H118: an urgent self-assessment of a patient whose program runs pauses it like a warning sign in a check-in.</summary>
    [Fact]
    public async Task UrgentSelfAssessment_OfAPatientWithAProgram_PausesLikeASign_UntilANewerCleanOneAndADoctorsCheck()
    {
        var p = await PatientAsync("resume-assessment");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(p.Client, Answers())));
        await AgreeAsync(p, paused: false, "a calm check-in");

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var fever = Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns").Append(F("Form.Flags", "fever")).ToArray();
        var result = await Html(p.Client, await Patients.TakeAssessmentAsync(p.Client, fever));
        Assert.Contains("Your program stays paused.", result, StringComparison.Ordinal);
        await AgreeAsync(p, paused: true, "an urgent self-assessment", signAlert: false);
        var pausedPage = await Html(p.Client, "/program/paused");
        Assert.Contains("See a doctor within 24 hours", pausedPage, StringComparison.Ordinal);
        Assert.Contains("fever", pausedPage, StringComparison.OrdinalIgnoreCase); // the assessment's own finding, not an empty list
        var states = await StatesAsync(factory, p.Id);
        Assert.Equal((PhaseMove.Pause, true), (states[^1].Move, states[^1].PausedForWarningSign));

        // Saving today's check-in again re-runs the review: it must not undo the pause (the check-in leads to the paused page).
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(p.Client, Answers(painNow: 2))));
        await AgreeAsync(p, paused: true, "today's check-in saved again", signAlert: false);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers());
        await AgreeAsync(p, paused: true, "the day after", signAlert: false);

        // The urgent assessment itself never lifts its own pause; a newer clean one and the doctor's check do.
        Assert.Equal(HttpStatusCode.Conflict, (await p.Api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""))).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Patients.TakeAssessmentAsync(p.Client);
        Assert.Equal("/today", PathOf(await p.Client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")])));
        await AgreeAsync(p, paused: false, "resumed");
    }

    [Fact]
    public async Task RoutineSelfAssessment_OfAPatientWithAProgram_MovesNothing()
    {
        var p = await PatientAsync("routine-assessment");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(p.Client, Answers());
        var before = await StatesAsync(factory, p.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Patients.TakeAssessmentAsync(p.Client, Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns").Append(F("Form.Flags", "night-pain")).ToArray());
        await AgreeAsync(p, paused: false, "a routine self-assessment");
        Assert.Equal(before.Count, (await StatesAsync(factory, p.Id)).Count);
    }

    private static async Task<string> Html(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
