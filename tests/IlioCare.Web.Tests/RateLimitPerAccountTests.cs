using System.Net;
using IlioCare.Data;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 10 (H176): the sign-in limit is counted per account and address, with a wider ceiling per
/// address, so one person's tries on a clinic's Wi-Fi do not lock out everyone behind the same address.
/// Each test has its own app (2 writes a minute per account and address; 20 per address).
/// </summary>
public sealed class RateLimitPerAccountTests
{
    [Fact]
    public async Task TwoAccountsFromOneAddress_OneReachingTheLimit_DoesNotStopTheOther()
    {
        await using var tight = new TightRateLimitFactory();
        await Staff.CreateAsync(tight, Roles.Clinician, "wifi-a@example.com", "Dr A");
        await Staff.CreateAsync(tight, Roles.Clinician, "wifi-b@example.com", "Dr B");

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await new FormClient(tight).PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "wifi-a@example.com"), F("Form.Password", "mistyped")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);

        // The same address (the test server has one), another account: let through, and signed in.
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(new FormClient(tight), "wifi-b@example.com"));
    }

    [Fact]
    public async Task OneAddressTryingManyAccounts_MeetsTheAddressCeiling()
    {
        await using var tight = new TightRateLimitFactory();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
            statuses.Add((await new FormClient(tight).PostFormAsync("/sign-in", "sign-in",
                [F("Form.Email", $"spray-{i}@example.com"), F("Form.Password", "a common password")])).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(20));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
    }
}
