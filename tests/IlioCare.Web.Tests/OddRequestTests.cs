using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Issue 13 finding 6 (H153–H155): odd but harmless requests that answered 500. None may answer 5xx.</summary>
public sealed class OddRequestTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("image/png, text/html;q=0.9")]
    public async Task ApiWithoutASession_AndAnOddAccept_Is401(string accept)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/%C3%A3", "/%C3%A3")]
    [InlineData("/today?x=%E2%9C%93", "/today?x=%E2%9C%93")]
    public async Task SignIn_WithANonAsciiReturnUrl_SignsIn_AndGoesThere(string returnUrl, string expected)
    {
        var email = $"return-{Guid.NewGuid():N}@example.com";
        await Patients.OnboardAsync(new FormClient(factory), email);
        var client = new FormClient(factory);
        var page = "/sign-in?ReturnUrl=" + Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl));
        var response = await client.PostFormAsync(page, "sign-in", [F("Form.Email", email), F("Form.Password", Patients.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, PathOf(response));
    }

    [Fact]
    public async Task SignIn_WithANonAsciiReturnUrl_OnRealKestrel_IsNot500()
    {
        // The test server does not check header characters; Kestrel does (the 500 the review saw).
        await using var kestrel = new IlioCareFactory();
        kestrel.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        FormClient Browser() => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(address) });
        var email = "return-kestrel@example.com";
        await Patients.OnboardAsync(Browser(), email);
        var client = Browser();
        var response = await client.PostFormAsync("/sign-in?ReturnUrl=%2F%C3%A3", "sign-in", [F("Form.Email", email), F("Form.Password", Patients.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%C3%A3", PathOf(response));
    }

    [Fact]
    public async Task FourExerciseLogsAtOnce_ForTheSameExercise_StoreOneRow_AndNoneIs5xx()
    {
        var (_, id, api) = await OnboardedPatientAsync(factory, "log-race@example.com");
        var today = TodayIso(factory);
        Assert.True((await api.PutAsync($"/api/v1/me/check-ins/{today}",
            Json("""{"painMorning":2,"stiffnessMinutes":10,"painNow":1,"warningSigns":[]}"""))).IsSuccessStatusCode);
        for (var round = 0; round < 3; round++)
        {
            var log = $$"""{"exercise":"straight-leg-raise","outcome":"done","painBefore":1,"painDuring":{{round}}}""";
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => api.PostAsync("/api/v1/me/exercise-logs", Json(log)))));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
            Assert.Equal(1, await factory.InDatabaseAsync(db => db.ExerciseLogs.CountAsync(l => l.AccountId == id)));
        }
    }

    [Fact]
    public async Task ADeletedAccountsCookie_MakingATokenOrAnInvite_Is401_Not500()
    {
        var email = "deleted-cookie@example.com";
        var first = new FormClient(factory);
        await Patients.OnboardAsync(first, email);
        var second = new FormClient(factory); // the same person on another device
        Assert.Equal("/today", PathOf(await second.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", email), F("Form.Password", Patients.Password)])));

        var deleted = await first.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = Json($$"""{"password":"{{Patients.Password}}"}""") });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var token = await second.Http.PostAsync("/api/v1/me/tokens", Json("""{"name":"script","expiresInDays":30}"""));
        Assert.True(token.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, $"tokens: {(int)token.StatusCode}");
        var invite = await second.Http.PostAsync("/api/v1/me/invites", Json("{}"));
        Assert.True(invite.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"invites: {(int)invite.StatusCode}");
    }
}
