using System.Net;
using System.Text.Json;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary><c>POST /api/v1/auth/token</c> (issue 18): what a mobile app signs in with.</summary>
public sealed class TokenSignInTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static StringContent Credentials(string email, string password, string? code = null) =>
        ApiClients.Json(JsonSerializer.Serialize(code is null ? new Dictionary<string, string> { ["email"] = email, ["password"] = password }
            : new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["totpCode"] = code }));

    private Task<HttpResponseMessage> SignInAsync(string email, string password, string? code = null) =>
        factory.CreateClient().PostAsync("/api/v1/auth/token", Credentials(email, password, code));

    private static async Task<(string Token, DateTime ExpiresAtUtc)> TokenOfAsync(HttpResponseMessage response)
    {
        var json = await ApiClients.JsonAsync(response);
        Assert.Equal("Bearer", json.GetProperty("tokenType").GetString());
        Assert.Equal(["read", "write"], json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        return (json.GetProperty("token").GetString()!, json.GetProperty("expiresAtUtc").GetDateTime().ToUniversalTime());
    }

    /// <summary>What a refusal tells the caller (everything but the per-request trace id).</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var json = await ApiClients.JsonAsync(response, HttpStatusCode.Unauthorized);
        return $"{json.GetProperty("status").GetInt32()} {json.GetProperty("title").GetString()}: {json.GetProperty("detail").GetString()}";
    }

    [Fact]
    public async Task Patient_GetsATokenFor14Days_ThatReadsAndWrites_ButCannotMakeTokens()
    {
        await Patients.OnboardAsync(new FormClient(factory), "app@example.com");
        var (token, expires) = await TokenOfAsync(await SignInAsync("app@example.com", Patients.Password));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(14), expires, TimeSpan.FromSeconds(5));

        var app = ApiClients.Bearer(factory, token);
        Assert.Equal("app@example.com", (await ApiClients.JsonAsync(await app.GetAsync("/api/v1/me"))).GetProperty("email").GetString());
        var mint = await app.PostAsync("/api/v1/me/tokens", ApiClients.Json("""{"name":"copy","expiresInDays":365}"""));
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "copy")));
    }

    [Fact]
    public async Task WrongPassword_AndUnknownAddress_GetTheSame401()
    {
        await Patients.OnboardAsync(new FormClient(factory), "same-answer@example.com");
        var wrong = await SignInAsync("same-answer@example.com", "not the password");
        var unknown = await SignInAsync("nobody-here@example.com", "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await RefusalAsync(wrong), await RefusalAsync(unknown));
    }

    [Fact]
    public async Task BadBody_Is400NamingEachField_AndNonJsonIs415()
    {
        var errors = await ApiClients.ValidationErrorsAsync(await factory.CreateClient().PostAsync("/api/v1/auth/token",
            ApiClients.Json("""{"email":1,"totpCode":123456,"extra":true}""")));
        Assert.Superset(new HashSet<string> { "email", "password", "totpCode", "extra" }, errors.Keys.ToHashSet());
        var form = await factory.CreateClient().PostAsync("/api/v1/auth/token", new FormUrlEncodedContent([F("email", "a@example.com")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task Lockout_FiveWrongPasswords_ThenTheRightOneIsRefused()
    {
        await Patients.OnboardAsync(new FormClient(factory), "api-lock@example.com");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("api-lock@example.com", "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("api-lock@example.com", Patients.Password)).StatusCode);
    }

    [Fact]
    public async Task Clinician_NeedsTheCode_WrongCodesCountTowardLockout_TokenLasts12Hours()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "api-dr@example.com");
        var noCode = await SignInAsync("api-dr@example.com", Staff.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal(await RefusalAsync(await SignInAsync("api-dr@example.com", "wrong password")), await RefusalAsync(noCode));

        var (token, expires) = await TokenOfAsync(await SignInAsync("api-dr@example.com", Staff.Password, Staff.Code(clinician.TotpSecret)));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddHours(12), expires, TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await ApiClients.Bearer(factory, token).GetAsync("/api/v1/caseload")).StatusCode);

        // Wrong codes after the right password count: five lock the account.
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("api-dr@example.com", Staff.Password, "000000")).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.LockoutEnd != null).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("api-dr@example.com", Staff.Password, Staff.Code(clinician.TotpSecret))).StatusCode);
    }

    [Fact]
    public async Task StaffWithoutTwoFactorYet_GetNoToken()
    {
        await Staff.CreateAsync(factory, Roles.Admin, "api-new-admin@example.com", "New Admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("api-new-admin@example.com", Staff.Password, "123456")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheAppsToken_ButNotAPersonalAccessToken()
    {
        var browser = new FormClient(factory);
        await Patients.OnboardAsync(browser, "app-ends@example.com");
        var (personal, _) = await ApiClients.CreateTokenAsync(browser);
        var (signedIn, _) = await TokenOfAsync(await SignInAsync("app-ends@example.com", Patients.Password));
        var app = ApiClients.Bearer(factory, signedIn);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/me")).StatusCode);

        await browser.PostFormAsync("/account", "sign-out-everywhere", []);

        var refused = await app.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await ApiClients.Bearer(factory, personal).GetAsync("/api/v1/me")).StatusCode);
    }
}
