using System.Net;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 4 (H171): the password asked on signed-in pages ignored the lock-out — seven wrong guesses, then
/// the right one, turned two-factor off on a locked account. Each of these pages now counts and honours it.
/// </summary>
public sealed class SignedInPasswordLockoutTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const int WrongGuesses = 7;

    [Fact]
    public async Task TurnOffTwoFactor_SevenWrongPasswordsThenTheRightOne_StaysOn()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "lock-2fa@example.com");
        await Staff.SetUpTwoFactorAsync(client);
        for (var i = 0; i < WrongGuesses; i++)
            await client.PostFormAsync("/account/two-factor", "disable-two-factor", [F("Disable.Password", "not my password")]);
        var html = await (await client.PostFormAsync("/account/two-factor", "disable-two-factor", [F("Disable.Password", Patients.Password)]))
            .Content.ReadAsStringAsync();
        Assert.Contains("locked for 15 minutes", html, StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "lock-2fa@example.com").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task DeletePage_SevenWrongPasswordsThenTheRightOne_DeletesNothing()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "lock-delete-page@example.com");
        for (var i = 0; i < WrongGuesses; i++)
            await client.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", "not my password")]);
        var html = await (await client.PostFormAsync("/account/delete", "delete-account", [F("Form.Password", Patients.Password)]))
            .Content.ReadAsStringAsync();
        Assert.Contains("locked for 15 minutes", html, StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "lock-delete-page@example.com")));
    }

    [Fact]
    public async Task DeleteApi_SevenWrongPasswordsThenTheRightOne_DeletesNothing()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "lock-delete-api@example.com");
        for (var i = 0; i < WrongGuesses; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await DeleteMeAsync(client.Http, "not my password")).StatusCode);
        var errors = await ValidationErrorsAsync(await DeleteMeAsync(client.Http, Patients.Password));
        Assert.Contains("locked for 15 minutes", errors["password"][0], StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "lock-delete-api@example.com")));
    }

    [Fact]
    public async Task DeleteApi_IsRateLimited()
    {
        await using var tight = new TightRateLimitFactory(); // 2 writes a minute per account and address
        var client = new FormClient(tight);
        await Patients.SignUpAsync(client, "limit-delete-api@example.com");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await DeleteMeAsync(client.Http, "not my password")).StatusCode);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    internal static Task<HttpResponseMessage> DeleteMeAsync(HttpClient client, string password) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me")
        {
            Content = Json($$"""{"password":"{{password}}"}"""),
        });
}
