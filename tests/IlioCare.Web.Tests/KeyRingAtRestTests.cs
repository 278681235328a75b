using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using IlioCare.Data;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 1 (H150, H151): a copy of the database — the key ring rows, the accounts, their security
/// stamps — must not be enough to forge a login cookie or to read anyone's second factor.
/// </summary>
public sealed class KeyRingAtRestTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task StoredKeyRing_HasNoMasterKeyInClear()
    {
        await Patients.OnboardAsync(new FormClient(factory), "key-ring-clear@example.com"); // cookies and forms: the ring exists
        var rows = await factory.InDatabaseAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CookieForgedFromADatabaseCopy_IsRefused_WhileTheSameForgeryWithTheKeyWorks()
    {
        var email = "forge-target@example.com";
        await Patients.OnboardAsync(new FormClient(factory), email);
        var copy = await DatabaseCopyAsync(email);

        // The attacker: the rows and the app's code, not DataProtection:Key.
        var forged = TryForge(copy, atRestKey: null);
        if (forged is not null)
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeWithCookieAsync(forged)).StatusCode);

        // With the key the database does not hold, the copied ring opens and a ticket can be signed, so the
        // encryption is what stops the attacker above. Since sessions are held in the database (ADR-0009) even that
        // ticket is refused: a cookie names a server session by a random key only its hash is stored for.
        var withKey = TryForge(copy, new AtRestKey(Convert.FromBase64String(factory.DataProtectionKey)));
        Assert.NotNull(withKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWithCookieAsync(withKey)).StatusCode);
    }

    [Fact]
    public async Task AuthenticatorKeyAndRecoveryCodes_AreStoredEncrypted_AndTwoFactorStillWorks()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "secrets-at-rest@example.com");
        var rows = await factory.InDatabaseAsync(db => db.UserTokens.Where(t => t.UserId == clinician.AccountId).ToListAsync());
        Assert.Equal(["AuthenticatorKey", "RecoveryCodes"], rows.Select(r => r.Name).Order());
        Assert.All(rows, r =>
        {
            Assert.StartsWith(ProtectedTokenUserStore.Marker, r.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(clinician.TotpSecret, r.Value!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(clinician.RecoveryCodes[0], r.Value!, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, Staff.Code(clinician.TotpSecret)));
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, clinician.RecoveryCodes[0]));
    }

    [Fact]
    public async Task AfterUpgrade_ClearKeysAndSecrets_AreEncryptedOnStart_AndStillWork()
    {
        var clinician = await Staff.SignInClinicianAsync(factory, "upgrade-secrets@example.com");
        // What a database from before this change holds: a master key in clear, and a clear authenticator key.
        var oldRing = Path.Combine(Path.GetTempPath(), "iliocare-old-ring-" + Guid.NewGuid().ToString("N"));
        var oldProvider = new ServiceCollection().AddDataProtection().SetApplicationName("IlioCare")
            .PersistKeysToFileSystem(new DirectoryInfo(oldRing)).Services.BuildServiceProvider();
        var oldCookie = ForgeWith(oldProvider.GetRequiredService<IDataProtectionProvider>(), await DatabaseCopyAsync(clinician.Email));
        var clearXml = File.ReadAllText(Directory.GetFiles(oldRing).Single());
        Assert.Contains("masterKey", clearXml, StringComparison.Ordinal);
        await factory.InDatabaseAsync(async db =>
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "from-before", Xml = clearXml });
            var row = await db.UserTokens.SingleAsync(t => t.UserId == clinician.AccountId && t.Name == "AuthenticatorKey");
            row.Value = clinician.TotpSecret;
            return await db.SaveChangesAsync();
        });

        await using var upgraded = factory.AnotherInstance(); // the new version starting on the old database
        var client = upgraded.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "iliocare=" + oldCookie);
        // A cookie from before holds a whole ticket; sessions now live in the database (ADR-0009), so it is refused
        // and the clinician signs in again (below) — with the upgraded, encrypted ring and second factor.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/caseload")).StatusCode);

        var stored = await factory.InDatabaseAsync(db => db.DataProtectionKeys.Where(k => k.FriendlyName == "from-before").Select(k => k.Xml!).SingleAsync());
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        var secret = await factory.InDatabaseAsync(db => db.UserTokens.Where(t => t.UserId == clinician.AccountId && t.Name == "AuthenticatorKey").Select(t => t.Value!).SingleAsync());
        Assert.StartsWith(ProtectedTokenUserStore.Marker, secret, StringComparison.Ordinal);
        Assert.Equal("/clinician", await Staff.SignInWithCodeAsync(new FormClient(upgraded), clinician.Email, Staff.Code(clinician.TotpSecret)));
    }

    private sealed record DatabaseCopy(IReadOnlyList<string> KeyRingXml, string AccountId, string UserName, string SecurityStamp, IReadOnlyList<string> Roles);

    private Task<DatabaseCopy> DatabaseCopyAsync(string email) => factory.InDatabaseAsync(async db =>
    {
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var ring = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == account.Id select r.Name!).ToListAsync();
        return new DatabaseCopy(ring, account.Id, account.UserName!, account.SecurityStamp!, roles);
    });

    /// <summary>A data-protection provider built from the copied rows alone (plus, for the control, the key), then a login ticket.</summary>
    private string? TryForge(DatabaseCopy copy, AtRestKey? atRestKey)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "iliocare-forge-" + Guid.NewGuid().ToString("N")));
        foreach (var xml in copy.KeyRingXml)
            XElement.Parse(xml).Save(Path.Combine(directory.FullName, $"key-{Guid.NewGuid():N}.xml"));
        var services = new ServiceCollection();
        if (atRestKey is not null) services.AddSingleton(atRestKey);
        services.AddDataProtection().SetApplicationName("IlioCare").PersistKeysToFileSystem(directory).DisableAutomaticKeyGeneration();
        using var provider = services.BuildServiceProvider();
        try
        {
            return ForgeWith(provider.GetRequiredService<IDataProtectionProvider>(), copy);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return null; // the ring could not be opened: nothing to sign with
        }
    }

    /// <summary>The ticket Identity's cookie carries (claims factory + cookie handler, scheme Identity.Application).</summary>
    private string ForgeWith(IDataProtectionProvider provider, DatabaseCopy copy)
    {
        var protector = provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, copy.AccountId), new Claim(ClaimTypes.Name, copy.UserName),
            new Claim("AspNet.Identity.SecurityStamp", copy.SecurityStamp), new Claim("amr", "mfa"),
            .. copy.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ], "Identity.Application");
        var now = factory.Clock.GetUtcNow();
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, "Identity.Application");
        return new TicketDataFormat(protector).Protect(ticket);
    }

    private async Task<HttpResponseMessage> MeWithCookieAsync(string cookie)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", "iliocare=" + cookie);
        return await client.GetAsync("/api/v1/me");
    }
}
