using System.Net;
using System.Net.Http.Headers;
using IlioCare.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Findings of the issue 6 security review, each kept fixed: secrets uncompressed, bad query text, tokens after a 2FA reset.</summary>
public sealed class HardeningTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task ResponsesWithASecret_AreNotCompressed_OverHttps()
    {
        // H27 (BREACH): the new token, the invite code and the care-team page go out uncompressed; other pages do not.
        var client = new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        }));
        await Patients.OnboardAsync(client, "breach-secrets@example.com");
        await Patients.ConfirmEmailAsync(factory, "breach-secrets@example.com");
        client.Http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.Http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        Assert.NotEmpty((await client.GetAsync("/account")).Content.Headers.ContentEncoding); // the control
        var token = await client.Http.PostAsync("/api/v1/me/tokens", Json("""{"name":"script","expiresInDays":30}"""));
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        Assert.Empty(token.Content.Headers.ContentEncoding);
        var invite = await client.Http.PostAsync("/api/v1/me/invites", Json("{}"));
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        Assert.Empty(invite.Content.Headers.ContentEncoding);
        Assert.Empty((await client.GetAsync("/care")).Content.Headers.ContentEncoding);
        Assert.Empty((await client.GetAsync("/account/tokens")).Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/care/audit?page=abc")]
    [InlineData("/care/audit?page=99999999999")]
    [InlineData("/account/tokens?revoked=x")]
    [InlineData("/reminders?saved=yes")]
    [InlineData("/?deleted=abc")]
    public async Task QueryText_ThatIsNotANumber_IsIgnored_NeverA500(string path)
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, $"query-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task SignUp_WithABadAssessmentId_IsThePlainForm()
    {
        var anonymous = new FormClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/sign-up?assessment=not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task AdminResetsAClinicansTwoFactor_TheirAccessTokensStopWorking()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "reset-tokens@example.com");
        var (token, _) = await CreateTokenAsync(clinician.Client);
        var script = Bearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/caseload")).StatusCode);

        var admin = await Staff.SignInAdminAsync(factory, "reset-tokens-admin@example.com");
        var reset = await admin.Client.PostFormAsync("/admin/clinicians", "reset-two-factor", [F("Reset.AccountId", clinician.AccountId)]);
        Assert.True(reset.IsSuccessStatusCode || reset.StatusCode == HttpStatusCode.Redirect, $"{reset.StatusCode}");
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.TwoFactorEnabled).SingleAsync()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/caseload")).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.AccessTokens.Where(t => t.AccountId == clinician.AccountId).AllAsync(t => t.RevokedAtUtc != null)));
    }
}
