using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class AccountTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task SignUp_ClaimsTheAnonymousAssessment_AndCreatesTheProfile()
    {
        var client = new FormClient(factory);
        var id = Guid.Parse(await Patients.OnboardAsync(client, "claim@example.com"));
        var account = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "claim@example.com"));
        var assessment = await factory.InDatabaseAsync(db => db.Assessments.SingleAsync(a => a.Id == id));
        Assert.Equal(account.Id, assessment.AccountId);
        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == account.Id));
        Assert.Equal(34, profile.AgeAtSignUp);
        Assert.Equal("Europe/Paris", profile.TimeZoneId);
        Assert.Equal(180, profile.PreInjuryWeeklyMinutes);
        Assert.False(profile.SelfMassageAllowed);
        Assert.True(account.LockoutEnabled); // lockout applies to new accounts too
    }

    [Fact]
    public async Task SignUp_Under16_IsRefusedWithAdvice_AndStoresNothing()
    {
        var response = await new FormClient(factory).PostFormAsync("/sign-up", "sign-up",
            Patients.SignUpFields("young@example.com", age: 15));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("accounts start at 16", html, StringComparison.Ordinal);
        Assert.Contains("parent and a doctor", html, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "young@example.com")));
    }

    [Fact]
    public async Task SignUp_BadFields_AreEachNamed()
    {
        var response = await new FormClient(factory).PostFormAsync("/sign-up", "sign-up",
            [F("Form.Email", "not-an-email"), F("Form.Password", "short"), F("Form.DateOfBirth", "x")]);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "email", "password", "name", "dateOfBirth", "acceptTerms" })
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var owner = new FormClient(factory);
        await Patients.OnboardAsync(owner, "lock@example.com");
        var attacker = new FormClient(factory);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
            response = await attacker.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "lock@example.com"), F("Form.Password", "wrong password")]);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Even the right password is refused while locked.
        response = await attacker.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "lock@example.com"), F("Form.Password", Patients.Password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_GoesToToday()
    {
        await Patients.OnboardAsync(new FormClient(factory), "signin@example.com");
        var response = await new FormClient(factory).PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "signin@example.com"), F("Form.Password", Patients.Password)]);
        Assert.Equal("/today", PathOf(response));
    }

    [Fact]
    public async Task Export_ContainsOnlyTheSignedInPatientsData()
    {
        var alice = new FormClient(factory);
        var aliceAssessment = await Patients.OnboardAsync(alice, "alice@example.com");
        var bob = new FormClient(factory);
        var bobAssessment = await Patients.OnboardAsync(bob, "bob@example.com");

        var export = await (await bob.GetAsync("/account/export")).Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(export);
        Assert.Equal("bob@example.com", doc.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(bobAssessment, Assert.Single(doc.RootElement.GetProperty("assessments").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain("alice", export, StringComparison.Ordinal);
        Assert.DoesNotContain(aliceAssessment, export, StringComparison.Ordinal);
        // Nor can Bob open Alice's claimed result by its id.
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/assessment/{aliceAssessment}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/assessment/{aliceAssessment}")).StatusCode);
    }

    [Fact]
    public async Task Export_SignedOut_IsRefused()
    {
        var response = await new FormClient(factory).GetAsync("/account/export");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_WrongPassword_KeepsEverything_RightPassword_RemovesEveryRow()
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, "delete@example.com");
        var accountId = await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "delete@example.com").Select(u => u.Id).SingleAsync());

        var wrong = await client.PostFormAsync("/account", "delete-account", [F("Form.Password", "not my password")]);
        Assert.Contains("Nothing was deleted", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == accountId)));

        var right = await client.PostFormAsync("/account", "delete-account", [F("Form.Password", Patients.Password)]);
        Assert.Equal("/?deleted=1", PathOf(right));
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == accountId)));
        Assert.False(await factory.InDatabaseAsync(db => db.PatientProfiles.AnyAsync(p => p.AccountId == accountId)));
        Assert.False(await factory.InDatabaseAsync(db => db.Assessments.AnyAsync(a => a.AccountId == accountId)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/today")).StatusCode); // signed out
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejected()
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, "csrf@example.com");
        var response = await client.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/today")).StatusCode); // still signed in

        var signOut = await client.PostFormAsync("/account", "", [], action: "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/today")).StatusCode);
    }
}

public sealed class RateLimitTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task SignInAndSignUp_TooManyPostsFromOneAddress_Are429()
    {
        var client = new FormClient(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "x@example.com"), F("Form.Password", "whatever1")])).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode); // reading is never limited
        // One budget per client address and e-mail address covers sign-up too (issue 13: another account from the same
        // Wi-Fi has its own, RateLimitPerAccountTests).
        var signUp = await client.PostFormAsync("/sign-up", "sign-up", [F("Form.Email", "x@example.com")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, signUp.StatusCode);
    }
}
