using System.Net;
using IlioCare.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class AdminCliniciansTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Admin_CreatesAClinician_WhoMustSetUpTwoFactorAtFirstSignIn()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        var response = await admin.Client.PostFormAsync("/admin/clinicians", "create-clinician",
            [F("Form.Email", "physio@example.com"), F("Form.DisplayName", "Dr Paula Physio"), F("Form.Password", "first password")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Account made for", html, StringComparison.Ordinal);
        Assert.Contains("<td>Dr Paula Physio</td><td>physio@example.com</td><td>Clinician</td><td>not set up yet</td><td>", html, StringComparison.Ordinal);

        var roles = await factory.InDatabaseAsync(db =>
            (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
             where u.Email == "physio@example.com" select r.Name).ToListAsync());
        Assert.Equal([Roles.Clinician], roles);

        var clinician = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(clinician, "physio@example.com", "first password"));
        await Staff.SetUpTwoFactorAsync(clinician);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "physio@example.com").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task CreateClinician_BadFields_AreEachNamed_AndNothingIsStored()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        var response = await admin.Client.PostFormAsync("/admin/clinicians", "create-clinician",
            [F("Form.Email", "not-an-email"), F("Form.DisplayName", " "), F("Form.Password", "short")]);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "email", "displayName", "password" })
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "not-an-email")));
    }

    [Fact]
    public async Task CreateClinician_ExistingEmail_IsNamedUnderEmail()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        await Patients.OnboardAsync(new FormClient(factory), "taken@example.com");
        var response = await admin.Client.PostFormAsync("/admin/clinicians", "create-clinician",
            [F("Form.Email", "taken@example.com"), F("Form.DisplayName", "Dr Taken"), F("Form.Password", "first password")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("already exists", html, StringComparison.Ordinal);
        // The patient is still a patient and nothing else.
        var roles = await factory.InDatabaseAsync(db =>
            (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
             where u.Email == "taken@example.com" select r.Name).ToListAsync());
        Assert.Equal([Roles.Patient], roles);
    }

    [Fact]
    public async Task Admin_ResetsAClinicansTwoFactor_WhoSetsItUpAgainAtTheNextSignIn()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Lost Phone");
        var page = await admin.Client.PostFormAsync("/admin/clinicians", "reset-two-factor", [F("Reset.AccountId", clinician.AccountId)]);
        Assert.Contains("Two-factor sign-in reset for <strong>Dr Lost Phone</strong>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var client = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(client, clinician.Email));
        var (secret, _) = await Staff.SetUpTwoFactorAsync(client);
        Assert.NotEqual(clinician.TotpSecret, secret); // a new key: the lost phone's codes are worthless
    }

    [Fact]
    public async Task Admin_CannotResetAnotherAdmin()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        var other = await Staff.SignInAdminAsync(factory);
        await admin.Client.PostFormAsync("/admin/clinicians", "reset-two-factor", [F("Reset.AccountId", other.AccountId)]);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == other.AccountId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_FromAdmin()
    {
        var response = await new FormClient(factory).GetAsync("/admin/clinicians");
        Assert.Equal("/sign-in?ReturnUrl=%2Fadmin%2Fclinicians", PathOf(response));
    }

    [Fact]
    public async Task ApiPaths_GetProblemDetails_NotRedirects()
    {
        // Two probe endpoints under /api that challenge and forbid through the app's cookie scheme.
        await using var probing = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ApiProbe())));
        var client = probing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var challenge = await client.GetAsync("/api/probe/challenge");
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Equal("application/problem+json", challenge.Content.Headers.ContentType?.MediaType);
        var forbid = await client.GetAsync("/api/probe/forbid");
        Assert.Equal(HttpStatusCode.Forbidden, forbid.StatusCode);
        Assert.Equal("application/problem+json", forbid.Content.Headers.ContentType?.MediaType);
    }

    private sealed class ApiProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/api/probe/challenge", b => b.Run(context => context.ChallengeAsync()));
            app.Map("/api/probe/forbid", b => b.Run(context => context.ForbidAsync()));
            next(app);
        };
    }
}
