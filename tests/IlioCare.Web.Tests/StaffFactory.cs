using System.Security.Claims;
using IlioCare.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// The app plus one test-only door: <c>/test/staff-sign-in?email=…</c> signs a staff account in as a
/// two-factor sign-in would (Identity's <c>amr</c> = <c>mfa</c> claim), so tests of clinician and admin
/// endpoints need not drive the TOTP pages. The door exists only in this factory, never in the app.
/// </summary>
public sealed class StaffFactory : IlioCareFactory
{
    public const string SignInPath = "/test/staff-sign-in";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, SignInDoor>());
    }

    /// <summary>Creates a clinician or admin (StaffAccounts, as the admin page and the CLI do) and returns a client signed in as them.</summary>
    public async Task<(FormClient Client, string Id)> StaffAsync(string email, string role)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var created = await StaffAccounts.CreateAsync(users, email, "Dr " + email, "staff password 123", role, Clock.GetUtcNow().UtcDateTime);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var client = new FormClient(this);
        var response = await client.GetAsync($"{SignInPath}?email={Uri.EscapeDataString(email)}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var id = await InDatabaseAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        return (client, id);
    }

    private sealed class SignInDoor : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that moves the path base, and the cookie would be scoped to the door's path.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }
                var users = context.RequestServices.GetRequiredService<UserManager<Account>>();
                var signIn = context.RequestServices.GetRequiredService<SignInManager<Account>>();
                var account = await users.FindByEmailAsync(context.Request.Query["email"].ToString());
                if (account is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa")]);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
