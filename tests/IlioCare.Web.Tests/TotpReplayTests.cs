using System.Net;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Issue 13 finding 3 (H152): an authenticator code signs in once; the same 6 digits again are refused.</summary>
public sealed class TotpReplayTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task TheSameCode_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "totp-replay@example.com");
        var code = Staff.Code(clinician.TotpSecret);
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, code));

        var attacker = new FormClient(factory);
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(attacker, clinician.Email));
        var replay = await attacker.PostFormAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", code)]);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("That code is not right", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/clinician")).StatusCode); // not signed in

        // A new code (a later step) still works: the account is not stuck.
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, Staff.Code(clinician.TotpSecret)));
    }

    [Fact]
    public async Task TheSameCode_SentTwiceAtOnce_SignsInOnlyOnce()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "totp-race@example.com");
        var clients = new[] { new FormClient(factory), new FormClient(factory), new FormClient(factory) };
        foreach (var client in clients)
            Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(client, clinician.Email));
        var code = Staff.Code(clinician.TotpSecret);
        // Each form's antiforgery token is fetched first, then the posts go out together.
        var posts = await Task.WhenAll(clients.Select(c => c.PreparePostAsync("/sign-in/two-factor", "two-factor-sign-in", [F("Form.Code", code)])));
        var landed = await Task.WhenAll(posts.Select(async send => PathOf(await send())));
        Assert.Equal(1, landed.Count(p => p == "/clinician"));
    }
}
