using System.Net;
using System.Text.Json;
using IlioCare.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>The care team, "who looked", the summary and account deletion over the API (F13–F16), on the pages' handlers.</summary>
public sealed class CareTeamApiTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Confirm = """{"confirm":true}""";

    private async Task<(FormClient Client, string Id)> PatientAsync(string email)
    {
        CheckInPatients.MoveToMorning(factory);
        var client = new FormClient(factory);
        return (client, await CheckInPatients.OnboardAsync(factory, client, email));
    }

    private static async Task<string> InviteAsync(FormClient patient)
    {
        var invite = await JsonAsync(await patient.Http.PostAsync("/api/v1/me/invites", Json("{}")), HttpStatusCode.Created);
        Assert.True(invite.GetProperty("expiresAtUtc").GetDateTime() > DateTime.UtcNow.AddDays(-400));
        return invite.GetProperty("code").GetString()!;
    }

    private static async Task<string> RedeemAsync(StaffMember clinician, string code)
    {
        var linked = await JsonAsync(await clinician.Http.PostAsync("/api/v1/links", Json($$"""{"code":"{{code}}"}""")), HttpStatusCode.Created);
        return linked.GetProperty("patientId").GetString()!;
    }

    private static async Task<JsonElement> CareTeamAsync(FormClient patient) => await JsonAsync(await patient.Http.GetAsync("/api/v1/me/care-team"));

    private static HttpRequestMessage Delete(string path, string json) => new(HttpMethod.Delete, path) { Content = Json(json) };

    [Fact]
    public async Task InviteRedeemDischarge_CareTeamMovesTheClinicianFromNowToBefore()
    {
        var (patient, patientId) = await PatientAsync("ct-api-journey@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Journey");

        Assert.Equal(patientId, await RedeemAsync(clinician, await InviteAsync(patient)));
        var team = await CareTeamAsync(patient);
        var now = Assert.Single(team.GetProperty("now").EnumerateArray());
        Assert.Equal((clinician.AccountId, "Dr Journey"), (now.GetProperty("clinicianId").GetString(), now.GetProperty("name").GetString()));
        Assert.Empty(team.GetProperty("before").EnumerateArray());

        var discharged = await clinician.Http.PostAsync($"/api/v1/patients/{patientId}/discharge", Json(Confirm));
        Assert.Equal(HttpStatusCode.NoContent, discharged.StatusCode);
        team = await CareTeamAsync(patient);
        Assert.Empty(team.GetProperty("now").EnumerateArray());
        var before = Assert.Single(team.GetProperty("before").EnumerateArray());
        Assert.Equal("discharged", before.GetProperty("how").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        // Discharged: a second discharge or unlink finds no link.
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.SendAsync(Delete($"/api/v1/patients/{patientId}/link", Confirm))).StatusCode);
        var audited = await factory.InDatabaseAsync(db => db.AuditLog.Where(e => e.Action == AuditAction.Discharge).CountAsync());
        Assert.True(audited >= 1, "the discharge was not audited");
    }

    [Fact]
    public async Task PatientUnlinks_204ThenGone_AndAnotherPatientGets404()
    {
        var (patient, patientId) = await PatientAsync("ct-api-unlink@example.com");
        var (other, _) = await PatientAsync("ct-api-unlink-other@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        await RedeemAsync(clinician, await InviteAsync(patient));

        // Another patient cannot end someone else's link: 404, and the link stays.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.SendAsync(Delete($"/api/v1/me/care-team/{clinician.AccountId}", Confirm))).StatusCode);
        Assert.Single((await CareTeamAsync(patient)).GetProperty("now").EnumerateArray());

        // Without the confirmation nothing ends.
        Assert.Contains("confirm", (await ValidationErrorsAsync(await patient.Http.SendAsync(Delete($"/api/v1/me/care-team/{clinician.AccountId}", "{}")))).Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Http.SendAsync(Delete($"/api/v1/me/care-team/{clinician.AccountId}", Confirm))).StatusCode);
        var before = Assert.Single((await CareTeamAsync(patient)).GetProperty("before").EnumerateArray());
        Assert.Equal("unlinked-by-you", before.GetProperty("how").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Http.SendAsync(Delete($"/api/v1/me/care-team/{clinician.AccountId}", Confirm))).StatusCode);
    }

    [Fact]
    public async Task Redeem_BadUnknownUsedCodes_OneMessageOnCode_AndAlreadyLinkedIs409()
    {
        var (patient, _) = await PatientAsync("ct-api-codes@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory);
        var code = await InviteAsync(patient);

        var unknown = await ValidationErrorsAsync(await clinician.Http.PostAsync("/api/v1/links", Json("""{"code":"ZZZZ-ZZZZ"}""")));
        var malformed = await ValidationErrorsAsync(await clinician.Http.PostAsync("/api/v1/links", Json("""{"code":"nope"}""")));
        Assert.Equal(unknown["code"], malformed["code"]);
        Assert.Equal(["code", "colour"], (await ValidationErrorsAsync(await clinician.Http.PostAsync("/api/v1/links", Json("""{"colour":"red"}""")))).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await clinician.Http.PostAsync("/api/v1/links", new StringContent($"code={code}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode);

        await RedeemAsync(clinician, code);
        var used = await ValidationErrorsAsync(await clinician.Http.PostAsync("/api/v1/links", Json($$"""{"code":"{{code}}"}""")));
        Assert.Equal(unknown["code"], used["code"]);
        var again = await clinician.Http.PostAsync("/api/v1/links", Json($$"""{"code":"{{await InviteAsync(patient)}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task WhoLooked_ListsTheClinicianRead_AndTreatmentsAreThePatients()
    {
        var (patient, patientId) = await PatientAsync("ct-api-audit@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Looker");
        await RedeemAsync(clinician, await InviteAsync(patient));
        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync($"/api/v1/patients/{patientId}")).StatusCode);
        var today = CheckInPatients.Today(factory).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await clinician.Http.PostAsync($"/api/v1/patients/{patientId}/treatments",
            Json($$"""{"date":"{{today}}","kind":"soft-tissue-massage","notes":"Soft tissue work"}"""))).StatusCode);

        var audit = await JsonAsync(await patient.Http.GetAsync("/api/v1/me/audit?page=0"));
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("who").GetString() == "Dr Looker"
            && e.GetProperty("what").GetString() == "opened your page (program, check-ins and charts)");
        Assert.Contains(entries, e => e.GetProperty("what").GetString() == "linked to you with your code");
        Assert.Contains("page", (await ValidationErrorsAsync(await patient.Http.GetAsync("/api/v1/me/audit?page=-1"))).Keys);

        var treatment = Assert.Single((await JsonAsync(await patient.Http.GetAsync("/api/v1/me/treatments"))).EnumerateArray());
        Assert.Equal(("soft-tissue-massage", "Soft tissue work", "Dr Looker"),
            (treatment.GetProperty("kind").GetString(), treatment.GetProperty("notes").GetString(), treatment.GetProperty("clinician").GetString()));
    }

    [Fact]
    public async Task Summary_HasTheTriageAndTheWarningSigns()
    {
        var (patient, _) = await PatientAsync("ct-api-summary@example.com");
        await CheckInPatients.CheckInAsync(patient, CheckInPatients.Answers(sign: "fever"));

        var summary = await JsonAsync(await patient.Http.GetAsync("/api/v1/me/summary"));
        var triage = Assert.Single(summary.GetProperty("triage").EnumerateArray());
        Assert.Matches("^[a-z-]+$", triage.GetProperty("level").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", triage.GetProperty("date").GetString()!);
        var signs = summary.GetProperty("warningSigns").EnumerateArray().ToList();
        Assert.Contains(signs, s => s.GetProperty("where").GetString() == "check-in" && s.GetProperty("signs").GetArrayLength() > 0);
        Assert.Matches("^[a-z]+$", summary.GetProperty("program").GetProperty("phaseNow").GetString()!);
    }

    [Fact]
    public async Task DeleteMe_WrongPasswordIs400OnPassword_RightPasswordRemovesTheAccount()
    {
        var (patient, patientId) = await PatientAsync("ct-api-delete@example.com");

        Assert.Contains("password", (await ValidationErrorsAsync(await patient.Http.SendAsync(Delete("/api/v1/me", "{}")))).Keys);
        Assert.Contains("password", (await ValidationErrorsAsync(await patient.Http.SendAsync(Delete("/api/v1/me", """{"password":"not it at all"}""")))).Keys);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await patient.Http.DeleteAsync("/api/v1/me")).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == patientId)));

        var deleted = await patient.Http.SendAsync(Delete("/api/v1/me", $$"""{"password":"{{Patients.Password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == patientId)));
        Assert.False(await factory.InDatabaseAsync(db => db.PatientProfiles.AnyAsync(p => p.AccountId == patientId)));
    }

    [Fact]
    public void Redeem_IsRateLimitedLikeTheLinkPage()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? PolicyOf(string pattern, string method) => endpoints
            .Single(e => e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;
        Assert.NotNull(PolicyOf("/api/v1/links", "POST"));
        Assert.Equal(PolicyOf("/clinician/link", "POST"), PolicyOf("/api/v1/links", "POST"));
    }
}
