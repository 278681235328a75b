using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 2 (H170): the authenticator key was shown to any password-only session and never changed, so
/// someone who saw a clinician's first password could read it, wait for the enrolment and keep a second factor.
/// </summary>
public sealed class TwoFactorEnrolmentTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task AKeyReadBeforeEnrolment_IsRefusedAfterAnotherStartEnrols()
    {
        const string email = "enrol-twice@example.com";
        await Staff.CreateAsync(factory, Roles.Clinician, email, "Dr Early Key");
        var snooper = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(snooper, email));
        var seen = await Staff.StartEnrolmentAsync(snooper); // read by someone who knew the first password

        var clinician = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(clinician, email));
        var own = await Staff.StartEnrolmentAsync(clinician);
        Assert.NotEqual(seen.Secret, own.Secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Staff.EnrolAsync(clinician, own, Staff.Code(own.Secret))).StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // The early key's codes do not sign in; the enrolled key's do.
        Assert.NotEqual("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), email, Staff.Code(seen.Secret)));
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), email, Staff.Code(own.Secret)));
        // …and the early page's session ended with the enrolment (a new security stamp): its form cannot be posted.
        Assert.Equal("/sign-in", FormClient.PathOf(await snooper.GetAsync("/account/two-factor"))?.Split('?')[0]);
        Assert.Equal(own.Secret, await StoredKeyAsync(email));
    }

    [Fact]
    public async Task OpeningTheSetUpPage_StoresNoKey_AndEachOpeningShowsANewOne()
    {
        const string email = "enrol-nothing-stored@example.com";
        await Staff.CreateAsync(factory, Roles.Clinician, email, "Dr Nothing Yet");
        var client = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(client, email));
        var first = await Staff.StartEnrolmentAsync(client);
        var second = await Staff.StartEnrolmentAsync(client);
        Assert.NotEqual(first.Secret, second.Secret);
        var stored = await StoredKeyAsync(email);
        Assert.NotEqual(first.Secret, stored);
        Assert.NotEqual(second.Secret, stored);
    }

    [Fact]
    public async Task AnEnrolmentFormFromBeforeTheAccountChanged_IsRefused_AndANewKeyIsShown()
    {
        const string email = "enrol-stale@example.com";
        await Staff.CreateAsync(factory, Roles.Clinician, email, "Dr Stale Page");
        var client = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(client, email));
        var stale = await Staff.StartEnrolmentAsync(client);
        // Any change of the security stamp (an admin's reset, a new password) ends the open enrolment.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }
        var again = new FormClient(factory);
        Assert.Equal("/account/two-factor", await Staff.PasswordSignInAsync(again, email));
        var answer = await (await Staff.EnrolAsync(again, stale, Staff.Code(stale.Secret))).Content.ReadAsStringAsync();
        Assert.Contains("out of date", answer, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    private async Task<string?> StoredKeyAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    }
}
