using System.Net;
using System.Text.Json;
using IlioCare.Web.Features.AccessTokens;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Personal access tokens (F16): made and revoked by their owner, stored hashed, acting as the owner only.</summary>
public sealed class AccessTokenTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Token_CreateUseRevoke_ThenIs401_AndOnlyItsHashIsStored()
    {
        var patient = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, patient, "token-life@example.com");
        var (token, id) = await CreateTokenAsync(patient, "spreadsheet");

        Assert.StartsWith("ilc_", token, StringComparison.Ordinal);
        Assert.Equal(4 + 43, token.Length); // 32 bytes in base64url, no padding
        var row = await factory.InDatabaseAsync(db => db.AccessTokens.SingleAsync(t => t.Id == id));
        Assert.Equal(accountId, row.AccountId);
        Assert.Equal(AccessTokenHandler.Hash(token), row.Hash);
        Assert.DoesNotContain(token[4..], row.Hash + row.Prefix + row.Name, StringComparison.Ordinal);

        var script = Bearer(factory, token);
        var list = await JsonAsync(await script.GetAsync("/api/v1/me/tokens"));
        Assert.Equal("spreadsheet", Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());
        Assert.NotNull((await factory.InDatabaseAsync(db => db.AccessTokens.SingleAsync(t => t.Id == id))).LastUsedAtUtc);

        Assert.Equal(HttpStatusCode.NoContent, (await script.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        var after = await script.GetAsync("/api/v1/me/tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Export all my data (F15) lists the token by name and dates, never its hash.
        var export = await (await patient.GetAsync("/account/export")).Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(export);
        var exported = Assert.Single(json.RootElement.GetProperty("accessTokens").EnumerateArray());
        Assert.Equal("spreadsheet", exported.GetProperty("name").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, exported.GetProperty("revokedAtUtc").ValueKind);
        Assert.DoesNotContain(row.Hash, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Expired_Is401()
    {
        var patient = new FormClient(factory);
        await CheckInPatients.OnboardAsync(factory, patient, "token-expiry@example.com");
        var (token, _) = await CreateTokenAsync(patient, "short", days: 30);
        var script = Bearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/me/tokens")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var response = await script.GetAsync("/api/v1/me/tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Unknown_Is401ProblemNotARedirect_AndNoAuthIs401Too()
    {
        var response = await Bearer(factory, "ilc_" + new string('A', 43)).GetAsync("/api/v1/me/tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());

        var anonymous = await new FormClient(factory).GetAsync("/api/v1/me/tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        // Pages still send people to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await new FormClient(factory).GetAsync("/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Token_AnotherUsersTokenId_CannotBeRevoked_404_AndStillWorks()
    {
        var owner = new FormClient(factory);
        await CheckInPatients.OnboardAsync(factory, owner, "token-owner@example.com");
        var (ownerToken, ownerTokenId) = await CreateTokenAsync(owner);
        var other = new FormClient(factory);
        await CheckInPatients.OnboardAsync(factory, other, "token-other@example.com");
        var (otherToken, _) = await CreateTokenAsync(other, "other's");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"/api/v1/me/tokens/{ownerTokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Bearer(factory, otherToken).DeleteAsync($"/api/v1/me/tokens/{ownerTokenId}")).StatusCode);
        Assert.Null((await factory.InDatabaseAsync(db => db.AccessTokens.SingleAsync(t => t.Id == ownerTokenId))).RevokedAtUtc);

        // Each token sees its owner's tokens only.
        var ownerList = await JsonAsync(await Bearer(factory, ownerToken).GetAsync("/api/v1/me/tokens"));
        Assert.Equal([ownerTokenId], ownerList.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        var otherList = await JsonAsync(await Bearer(factory, otherToken).GetAsync("/api/v1/me/tokens"));
        Assert.DoesNotContain(ownerTokenId, otherList.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Token_BadBody_NamesEveryField_AndStoresNothing_NonJsonIs415()
    {
        var patient = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, patient, "token-bad@example.com");
        var errors = await ValidationErrorsAsync(await patient.Http.PostAsync("/api/v1/me/tokens",
            Json("""{"name": 3, "expiresInDays": 31, "scope": "all"}""")));
        Assert.Equal(["expiresInDays", "name", "scope"], errors.Keys.Order(StringComparer.Ordinal));

        var form = await patient.Http.PostAsync("/api/v1/me/tokens", new FormUrlEncodedContent([F("name", "x"), F("expiresInDays", "30")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.AccessTokens.CountAsync(t => t.AccountId == accountId)));
    }

    [Fact]
    public async Task TokensPage_ShowsTheTokenOnce_ListsIt_AndRevokes()
    {
        var patient = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, patient, "token-page@example.com");
        var created = await patient.PostFormAsync("/account/tokens", "create-token", [F("Create.Name", "my watch"), F("Create.ExpiresInDays", "365")]);
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        var row = await factory.InDatabaseAsync(db => db.AccessTokens.SingleAsync(t => t.AccountId == accountId));
        var shown = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\" readonly value=\"(ilc_[^\"]+)\"").Groups[1].Value;
        Assert.Equal(row.Hash, AccessTokenHandler.Hash(shown));
        Assert.Equal(365, (row.ExpiresAtUtc - row.CreatedAtUtc).TotalDays);

        var again = WebUtility.HtmlDecode(await (await patient.GetAsync("/account/tokens")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(shown, again, StringComparison.Ordinal);
        Assert.Contains(row.Prefix, again, StringComparison.Ordinal);

        var revoke = await patient.PostFormAsync("/account/tokens", "revoke-token", [F("Revoke.Id", $"{row.Id}")]);
        Assert.Equal("/account/tokens?revoked=1", PathOf(revoke));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(factory, shown).GetAsync("/api/v1/me/tokens")).StatusCode);
    }

    [Fact]
    public async Task TokensPage_BadForm_NamesEachField()
    {
        var patient = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, patient, "token-page-bad@example.com");
        var response = await patient.PostFormAsync("/account/tokens", "create-token", [F("Create.Name", " "), F("Create.ExpiresInDays", "7")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"expiresInDays-error\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.AccessTokens.CountAsync(t => t.AccountId == accountId)));
    }
}

/// <summary>Staff tokens (F16, F15): made only after a two-factor sign-in, then counted as the second factor.</summary>
public sealed class StaffAccessTokenTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Clinician_SignedInWithTwoFactor_MakesAToken_ThatCarriesTheClinicianRole()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "token-clinician@example.com");
        var (token, _) = await ApiClients.CreateTokenAsync(clinician.Client, "clinic system");
        var me = await ApiClients.JsonAsync(await ApiClients.Bearer(factory, token).GetAsync("/api/v1/me"));
        Assert.Equal(clinician.AccountId, me.GetProperty("id").GetString());
        Assert.Contains("clinician", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("profile").ValueKind);
    }
}
