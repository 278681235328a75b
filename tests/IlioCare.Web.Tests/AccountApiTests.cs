using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>Issue 18's new endpoints: bad input on each is a 400 naming the fields (or 415), changes nothing; the OpenAPI document describes their bodies.</summary>
public sealed class AccountApiTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    public static TheoryData<string, string, string, string[]> BadBodies => new()
    {
        // endpoint, method, body, the fields named
        { "/api/v1/accounts", "POST", "{}", ["email", "password", "name", "dateOfBirth", "acceptTerms"] },
        { "/api/v1/accounts", "POST", """{"email":"x","password":"short","name":" ","dateOfBirth":"1990-02-30","acceptTerms":false}""", ["email", "password", "name", "dateOfBirth", "acceptTerms"] },
        { "/api/v1/accounts", "POST", """{"email":1,"password":null,"name":[],"dateOfBirth":19900101,"acceptTerms":"yes","age":30}""", ["email", "password", "name", "dateOfBirth", "acceptTerms", "age"] },
        { "/api/v1/accounts", "POST", $$"""{"email":"kid@example.com","password":"long enough pw","name":"Kid","dateOfBirth":"{{Patients.BornYearsAgo(15)}}","acceptTerms":true}""", ["dateOfBirth"] },
        { "/api/v1/accounts", "POST", """{"email":"future@example.com","password":"long enough pw","name":"F","dateOfBirth":"2999-01-01","acceptTerms":true}""", ["dateOfBirth"] },
        { "/api/v1/accounts/verify", "POST", "{}", ["token"] },
        { "/api/v1/accounts/verify", "POST", """{"token":"not-a-real-token"}""", ["token"] },
        { "/api/v1/accounts/verify", "POST", """{"token":42}""", ["token"] },
        { "/api/v1/accounts/password-reset", "POST", "{}", ["email"] },
        { "/api/v1/accounts/password-reset", "POST", """{"email":"no at sign"}""", ["email"] },
        { "/api/v1/accounts/password-reset/confirm", "POST", "{}", ["token", "newPassword"] },
        { "/api/v1/accounts/password-reset/confirm", "POST", """{"token":"%%%","newPassword":"x"}""", ["token", "newPassword"] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task AnonymousEndpoints_BadInput_Are400NamingEachField_AndStoreNothing(string url, string method, string body, string[] fields)
    {
        var before = await CountsAsync();
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) });
        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string, string[]> BadSignedInBodies => new()
    {
        { "/api/v1/me/password", "POST", "{}", ["currentPassword", "newPassword"] },
        { "/api/v1/me/password", "POST", $$"""{"currentPassword":"{{Patients.Password}}","newPassword":"short"}""", ["newPassword"] },
        { "/api/v1/me/password", "POST", $$"""{"currentPassword":"{{Patients.Password}}","newPassword":"{{new string('x', 129)}}"}""", ["newPassword"] },
        { "/api/v1/me/email", "POST", "{}", ["newEmail", "currentPassword"] },
        { "/api/v1/me/email", "POST", $$"""{"newEmail":"nope","currentPassword":"{{Patients.Password}}"}""", ["newEmail"] },
        { "/api/v1/me/email", "POST", """{"newEmail":"fine@example.com","currentPassword":"wrong one"}""", ["currentPassword"] },
        { "/api/v1/me/profile", "PUT", "{}", ["name"] },
        { "/api/v1/me/profile", "PUT", """{"name":"","dateOfBirth":"25/04/1990"}""", ["name", "dateOfBirth"] },
        { "/api/v1/me/profile", "PUT", """{"name":"Ana","dateOfBirth":"1990-04-25","extra":1}""", ["extra"] },
    };

    [Theory]
    [MemberData(nameof(BadSignedInBodies))]
    public async Task SignedInEndpoints_BadInput_Are400NamingEachField_AndChangeNothing(string url, string method, string body, string[] fields)
    {
        var client = new FormClient(factory);
        var email = $"bad-{Guid.NewGuid():N}@example.com";
        await Patients.SignUpAsync(client, email, name: "Before Name");
        var before = await factory.InDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var outbox = await factory.InDatabaseAsync(db => db.OutboxMails.CountAsync());
        var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) });
        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        var after = await factory.InDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal((before.PasswordHash, before.DisplayName, before.DateOfBirth, before.Email), (after.PasswordHash, after.DisplayName, after.DateOfBirth, after.Email));
        Assert.Equal(outbox, await factory.InDatabaseAsync(db => db.OutboxMails.CountAsync()));
    }

    [Theory]
    [InlineData("/api/v1/accounts")]
    [InlineData("/api/v1/accounts/verify")]
    [InlineData("/api/v1/accounts/password-reset")]
    [InlineData("/api/v1/accounts/password-reset/confirm")]
    public async Task AnonymousEndpoints_NotJson_Are415(string url)
    {
        var response = await factory.CreateClient().PostAsync(url, new FormUrlEncodedContent([new("email", "a@example.com")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Profile_Put_ChangesTheName_AndMeShowsIt()
    {
        var client = new FormClient(factory);
        await Patients.SignUpAsync(client, "profile-api@example.com");
        var put = await client.Http.PutAsync("/api/v1/me/profile", Json("""{"name":"Jo Martins","dateOfBirth":"1985-11-30"}"""));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var me = await JsonAsync(await client.GetAsync("/api/v1/me"));
        Assert.Equal("Jo Martins", me.GetProperty("name").GetString());
        Assert.Equal("1985-11-30", me.GetProperty("dateOfBirth").GetString());
        Assert.False(me.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_DescribesTheNewBodies_WithTheirFields()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method, field) in new[]
        {
            ("/api/v1/accounts", "post", "dateOfBirth"), ("/api/v1/accounts/verify", "post", "token"),
            ("/api/v1/accounts/password-reset", "post", "email"), ("/api/v1/accounts/password-reset/confirm", "post", "newPassword"),
            ("/api/v1/me/password", "post", "currentPassword"), ("/api/v1/me/email", "post", "newEmail"), ("/api/v1/me/profile", "put", "name"),
        })
        {
            var schema = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var reference = schema.GetProperty("$ref").GetString()!.Split('/').Last();
            var properties = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference).GetProperty("properties");
            Assert.True(properties.TryGetProperty(field, out _), $"{method} {path}: no {field} in {properties}");
        }
        Assert.True(paths.GetProperty("/api/v1/accounts").GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
    }

    private Task<(int Users, int Outbox)> CountsAsync() =>
        factory.InDatabaseAsync(async db => (await db.Users.CountAsync(), await db.OutboxMails.CountAsync()));
}
