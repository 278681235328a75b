using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Issue 13 finding 10 (H161–H165): the smaller hardening items.</summary>
public sealed class SmallHardeningTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task UnknownApiPath_Is404ProblemDetails_NotTheHtmlPage()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AntiforgeryCookie_IsSecure_OverHttps()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var response = await client.GetAsync("/sign-in");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PatientPageOpenedFromAnotherSite_IsNotAudited_AndAsksToContinue()
    {
        var (_, patientId) = await CareTeam.PatientAsync(factory, "cross-site-patient@example.com");
        var clinician = await Staff.SignInClinicianAsync(factory, "cross-site-dr@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        var before = await factory.InDatabaseAsync(db => db.AuditLog.CountAsync());

        foreach (var path in new[] { $"/clinician/patients/{patientId}", $"/clinician/patients/{patientId}/export/fhir", $"/api/v1/patients/{patientId}" })
        {
            var planted = new HttpRequestMessage(HttpMethod.Get, path);
            planted.Headers.Add("Sec-Fetch-Site", "cross-site");
            var response = await clinician.Http.SendAsync(planted);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(before, await factory.InDatabaseAsync(db => db.AuditLog.CountAsync()));

        var own = new HttpRequestMessage(HttpMethod.Get, $"/clinician/patients/{patientId}");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.SendAsync(own)).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.AuditLog.CountAsync()) > before);
    }

    [Fact]
    public async Task BodylessCookiePost_WithoutJsonType_Is415_AndWithItWorks()
    {
        var patient = new FormClient(factory);
        await Patients.OnboardAsync(patient, "bodyless-post@example.com");
        await Patients.ConfirmEmailAsync(factory, "bodyless-post@example.com"); // an unconfirmed address may not make a code (issue 18)
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await patient.Http.PostAsync("/api/v1/me/invites", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await patient.Http.PostAsync("/api/v1/me/calendar-feed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.Http.PostAsync("/api/v1/me/invites", Json("{}"))).StatusCode);
    }

    [Fact]
    public async Task RateLimitPage_LooksLikeTheOthers_WithTheEmergencyNumber()
    {
        await using var tight = new TightRateLimitFactory();
        var client = new FormClient(tight);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
            response = await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "nobody@example.com"), F("Form.Password", "wrong password")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.Contains("In an emergency call <strong>112</strong>", html, StringComparison.Ordinal);
    }
}
