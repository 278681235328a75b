using System.Net;
using System.Net.Http.Json;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 findings 7 and 8 (H157, H158): quick pause requests make one pause, which one end request ends; a
/// clinician cannot set a program for a patient who never onboarded.
/// </summary>
public sealed class PauseAndProgramGuardTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task FourPauseRequestsAtOnce_MakeOnePause_AndOneEndEndsIt()
    {
        var (_, id, api) = await OnboardedPatientAsync(factory, "pause-race@example.com");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => api.PostAsync("/api/v1/me/pause", Json(i % 2 == 0 ? """{"reason":"holiday"}""" : """{"reason":"illness"}""")))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Pauses.CountAsync(p => p.AccountId == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/me/pause")).StatusCode);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Pauses.CountAsync(p => p.AccountId == id && p.EndedOn == null)));
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync("/api/v1/me/pause")).StatusCode); // nothing left paused
    }

    [Fact]
    public async Task ProgramForAPatientWhoNeverOnboarded_Is409WithAReason_AndSavesNothing()
    {
        var (patientId, clinician) = await LinkedButNotOnboardedAsync("never-onboarded@example.com");
        var response = await clinician.Http.PutAsJsonAsync($"/api/v1/patients/{patientId}/program", new { version = 0, phase = "restore", painRule = "monitoring" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not finished setting up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.ProgramStates.AnyAsync(s => s.AccountId == patientId)));
    }

    [Fact]
    public async Task ProgramPageSave_ForAPatientWhoNeverOnboarded_Is409WithAReason()
    {
        var (patientId, clinician) = await LinkedButNotOnboardedAsync("never-onboarded-page@example.com");
        var page = $"/clinician/patients/{patientId}/program";
        var saved = await clinician.Client.PostFormAsync(page, "program",
            [F("Form.Version", "0"), F("Form.Phase", "restore"), F("Form.PainRule", "monitoring"), F("Form.Note", "")]);
        Assert.Equal(HttpStatusCode.Conflict, saved.StatusCode);
        Assert.Contains("not finished setting up", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.ProgramStates.AnyAsync(s => s.AccountId == patientId)));
    }

    private async Task<(string PatientId, StaffMember Clinician)> LinkedButNotOnboardedAsync(string email)
    {
        var patient = new FormClient(factory);
        var assessment = (await Patients.TakeAssessmentAsync(patient)).Split('/').Last();
        await Patients.SignUpAsync(patient, email, assessment); // signed in, and stops before onboarding
        var patientId = await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var clinician = await Staff.SignInClinicianAsync(factory, "dr-" + email);
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        return (patientId, clinician);
    }
}
