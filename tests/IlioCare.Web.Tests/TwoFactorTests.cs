using System.Net;
using System.Net.Http.Headers;
using IlioCare.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class TwoFactorTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task SignUp_GivesTheAccountThePatientRole()
    {
        await Patients.OnboardAsync(new FormClient(factory), "role@example.com");
        var roles = await factory.InDatabaseAsync(db =>
            (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
             where u.Email == "role@example.com" select r.Name).ToListAsync());
        Assert.Equal([Roles.Patient], roles);
    }

    [Fact]
    public async Task SignIn_OnceEnabled_NeedsTheCode_AndThenOpensTheAdminPages()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/clinicians")).StatusCode); // the set-up signed in with mfa

        var client = new FormClient(factory);
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(client, admin.Email));
        // The right password alone signs nobody in.
        Assert.Equal("/sign-in?ReturnUrl=%2Fadmin%2Fclinicians", PathOf(await client.GetAsync("/admin/clinicians")));
        var landed = PathOf(await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", Staff.Code(admin.TotpSecret))]));
        Assert.Equal("/admin/clinicians", landed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/clinicians")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorSession_KeepsItsSecondFactor_AfterTheSecurityStampCheck()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        // Identity re-reads the account every 30 minutes and rebuilds the principal; amr=mfa must survive it.
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/clinicians")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/clinicians")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorPage_WithoutAPassword_GoesBackToSignIn()
    {
        var response = await new FormClient(factory).GetAsync("/sign-in/two-factor");
        Assert.Equal("/sign-in", PathOf(response));
    }

    [Fact]
    public async Task WrongCode_Fails_AndCountsTowardLockout()
    {
        var clinician = await Staff.SignInClinicianAsync(factory);
        var client = new FormClient(factory);
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(client, clinician.Email));
        var wrong = WrongCode(clinician.TotpSecret);
        var response = await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", wrong)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(clinician.AccountId));

        for (var i = 0; i < 4; i++)
            response = await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", wrong)]);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Locked: even the right code is refused.
        response = await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", Staff.Code(clinician.TotpSecret))]);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndAWrongOneCountsTowardLockout()
    {
        var clinician = await Staff.SignInClinicianAsync(factory);
        var code = clinician.RecoveryCodes[0];
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, code));

        var again = new FormClient(factory);
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(again, clinician.Email));
        var response = await again.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", code)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(clinician.AccountId));
        // Another, unused recovery code still works.
        Assert.Equal("/clinician", PathOf(await again.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", clinician.RecoveryCodes[1])])));
    }

    [Fact]
    public async Task StaffWithoutTwoFactor_AreSentToSetUp_AndCannotOpenStaffPages()
    {
        var email = "new-clinician@example.com";
        await Staff.CreateAsync(factory, Roles.Clinician, email, "Dr New");
        var client = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(client, email));
        var setUp = await (await client.GetAsync("/account/two-factor")).Content.ReadAsStringAsync();
        Assert.Contains("Clinicians must turn on two-factor sign-in", setUp, StringComparison.Ordinal);

        var admin = await client.GetAsync("/admin/clinicians");
        Assert.StartsWith("/access-denied", PathOf(admin), StringComparison.Ordinal);
        // The access-denied page sends staff without a second factor to set-up, which opens (no loop).
        var denied = await client.FollowAsync(admin);
        Assert.Equal("/account/two-factor", PathOf(denied));
        Assert.Equal(HttpStatusCode.OK, (await client.FollowAsync(denied)).StatusCode);
    }

    [Fact]
    public async Task AdminWithoutTwoFactor_IsSentToSetUp_WithTheSentenceForAdmins()
    {
        var email = "new-admin@example.com";
        await Staff.CreateAsync(factory, Roles.Admin, email, "Admin New");
        var client = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(client, email));
        var denied = await client.FollowAsync(await client.GetAsync("/admin/clinicians"));
        Assert.Equal("/account/two-factor", PathOf(denied));
        Assert.Contains("Admins must turn on two-factor sign-in", await (await client.FollowAsync(denied)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patient_CannotOpenAdmin_403()
    {
        var patient = new FormClient(factory);
        await Patients.OnboardAsync(patient, "not-admin@example.com");
        var response = await patient.FollowAsync(await patient.GetAsync("/admin/clinicians"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinician_WithTwoFactor_CannotOpenAdmin_403()
    {
        var clinician = await Staff.SignInClinicianAsync(factory);
        var response = await clinician.Client.FollowAsync(await clinician.Http.GetAsync("/admin/clinicians"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SetUpPage_IsNeitherCompressedNorStored_OverHttps()
    {
        // H27 (BREACH): over HTTPS the app compresses pages (EnableForHttps), but never the one with the key.
        var client = new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        }));
        await Patients.OnboardAsync(client, "breach@example.com");
        client.Http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.Http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var other = await client.GetAsync("/account");
        Assert.NotEmpty(other.Content.Headers.ContentEncoding); // the control: other pages are compressed

        var setUp = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
        Assert.Empty(setUp.Content.Headers.ContentEncoding);
        Assert.Contains("no-store", setUp.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await setUp.Content.ReadAsStringAsync();
        Assert.Contains("otpauth://totp/", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal); // the CSP forbids inline styles
    }

    [Fact]
    public async Task Patient_MayTurnTwoFactorOnAndOff_WithThePassword()
    {
        var patient = new FormClient(factory);
        await Patients.OnboardAsync(patient, "optional-2fa@example.com");
        var (secret, _) = await Staff.SetUpTwoFactorAsync(patient);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "optional-2fa@example.com").Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal("/today", await Staff.SignInWithCodeAsync(new FormClient(factory), "optional-2fa@example.com", Staff.Code(secret), Patients.Password));

        var wrong = await patient.PostFormAsync("/account/two-factor", "disable-two-factor", [F("Disable.Password", "not my password")]);
        Assert.Contains("Two-factor sign-in is still on", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await patient.PostFormAsync("/account/two-factor", "disable-two-factor", [F("Disable.Password", Patients.Password)]);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "optional-2fa@example.com").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var clinician = await Staff.SignInClinicianAsync(factory);
        var page = await clinician.Client.PostFormAsync("/account/two-factor", "new-recovery-codes", []);
        var html = await page.Content.ReadAsStringAsync();
        var fresh = System.Text.RegularExpressions.Regex.Matches(html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(clinician.RecoveryCodes));

        var client = new FormClient(factory);
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(client, clinician.Email));
        var old = await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", clinician.RecoveryCodes[0])]);
        Assert.Contains("That code is not right", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/clinician", PathOf(await client.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", fresh[0])])));
    }

    [Fact]
    public async Task Staff_CannotTurnTwoFactorOff()
    {
        var clinician = await Staff.SignInClinicianAsync(factory);
        var page = await (await clinician.Http.GetAsync("/account/two-factor")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("disable-two-factor", page, StringComparison.Ordinal);
        // A hand-made post (token from the account page) is ignored for staff.
        await clinician.Client.PostFormAsync("/account", "disable-two-factor", [F("Disable.Password", Staff.Password)], action: "/account/two-factor");
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Theory]
    [InlineData("/sign-in/two-factor")]
    [InlineData("/account/two-factor")]
    [InlineData("/clinician/link")]
    public void CodePages_AreUnderTheSignInRateLimit(string route)
    {
        // Posts of codes (TOTP, recovery, invite) count against the same per-address limit as passwords (AuthPolicy).
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Where(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == route).ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Equal("auth", e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName));
    }

    private Task<int> FailedCountAsync(string accountId) =>
        factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == accountId).Select(u => u.AccessFailedCount).SingleAsync());

    /// <summary>A 6-digit code that is none of the codes Identity accepts around now.</summary>
    private static string WrongCode(string secret)
    {
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret));
        var accepted = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((123456 + i * 7919) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }
}
