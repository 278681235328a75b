using System.Net;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 5 (H172–H174): only a cookie session with a recent password (and two-factor for staff) makes a
/// token; a token never does, whatever its scopes; a stranger's lock-out of an address does not stop its tokens.
/// </summary>
public sealed class TokenMintingTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static StringContent NewToken(string name, string? password = null) =>
        Json(password is null ? $$"""{"name":"{{name}}","expiresInDays":365}""" : $$"""{"name":"{{name}}","expiresInDays":365,"password":"{{password}}"}""");

    [Fact]
    public async Task APersonalTokenWithTheTokensScope_CannotMintAToken()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "mint-copy@example.com");
        var (token, _) = await CreateTokenAsync(client, "leaked");
        Assert.Contains(TokenScopes.Tokens, await factory.InDatabaseAsync(db => db.AccessTokens.Where(t => t.Name == "leaked").Select(t => t.Scopes).SingleAsync()));

        var mint = await Bearer(factory, token).PostAsync("/api/v1/me/tokens", NewToken("year-long copy"));
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "year-long copy")));
    }

    [Fact]
    public async Task ASignInTokenWithoutTheTokensScope_CannotListOrRevokeTokens()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "mint-signin@example.com");
        var (_, id) = await CreateTokenAsync(client, "the owner's script");
        var signIn = await factory.CreateClient().PostAsync("/api/v1/auth/token", Json($$"""{"email":"mint-signin@example.com","password":"{{Patients.Password}}"}"""));
        var app = Bearer(factory, (await JsonAsync(signIn)).GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.AccessTokens.Where(t => t.Id == id).Select(t => t.RevokedAtUtc != null).SingleAsync()));
    }

    [Fact]
    public async Task ASignInOlderThan15Minutes_MustTypeThePasswordAgain_WithTheLockout()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "mint-old@example.com");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var errors = await ValidationErrorsAsync(await client.Http.PostAsync("/api/v1/me/tokens", NewToken("old")));
        Assert.Contains("15 minutes", errors["password"][0], StringComparison.Ordinal);
        errors = await ValidationErrorsAsync(await client.Http.PostAsync("/api/v1/me/tokens", NewToken("old", "not my password")));
        Assert.Contains("not your password", errors["password"][0], StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "old")));
        Assert.Equal(HttpStatusCode.Created, (await client.Http.PostAsync("/api/v1/me/tokens", NewToken("old", Patients.Password))).StatusCode);

        // The page asks for it too, and refuses without it.
        var page = await (await client.GetAsync("/account/tokens")).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Create.Password\"", page, StringComparison.Ordinal);
        var refused = await (await client.PostFormAsync("/account/tokens", "create-token", [F("Create.Name", "page"), F("Create.ExpiresInDays", "30")]))
            .Content.ReadAsStringAsync();
        Assert.Contains("not your password", refused, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "page")));
        await client.PostFormAsync("/account/tokens", "create-token", [F("Create.Name", "page"), F("Create.ExpiresInDays", "30"), F("Create.Password", Patients.Password)]);
        Assert.True(await factory.InDatabaseAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "page")));
    }

    [Fact]
    public async Task AFreshSignIn_MakesATokenWithoutThePassword_AndThePageDoesNotAskForIt()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "mint-fresh@example.com");
        var page = await (await client.GetAsync("/account/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Create.Password\"", page, StringComparison.Ordinal);
        await CreateTokenAsync(client, "fresh");
    }

    [Fact]
    public async Task AStrangersLockout_OfAClinician_DoesNotStopTheClinicansToken()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "mint-lockout-dr@example.com");
        var (token, _) = await CreateTokenAsync(clinician.Client, "clinic system");
        var stranger = new FormClient(factory);
        for (var i = 0; i < 5; i++)
            await Staff.PasswordSignInAsync(stranger, clinician.Email, "a wrong guess");
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.LockoutEnd != null).SingleAsync()));

        var script = Bearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/caseload")).StatusCode);
    }
}
