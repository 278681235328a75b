using System.Xml.Linq;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Brings the secrets already in the database under the current at-rest key on start (issue 13 finding 1):
/// master keys written in clear before the upgrade are encrypted in place (their cookies stay valid), and
/// anything encrypted with a key now listed in <c>DataProtection:PreviousKeys</c> is re-encrypted — so after a
/// rotation the old key can be dropped at the next restart. Idempotent: several instances may run it at once.
/// A database backup taken before the upgrade still holds the clear keys: docs/operations.md says to rotate.
/// </summary>
internal static partial class SecretsAtRest
{
    private static readonly XNamespace s_dataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public static void AddIlioCareSecretsAtRest(this WebApplicationBuilder builder)
    {
        var key = AtRestKey.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(key);
    }

    public static async Task EncryptSecretsAtRestAsync(this WebApplication app)
    {
        try
        {
            await EncryptAsync(app.Services);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || DatabaseUnavailable.IsUnavailable(ex))
        {
            // A start with the database down still serves /healthz and 503s; the next start encrypts.
            LogUnavailable(app.Logger, ex);
        }
    }

    private static async Task EncryptAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var key = scope.ServiceProvider.GetRequiredService<AtRestKey>();
        foreach (var row in await db.DataProtectionKeys.ToListAsync())
        {
            if (row.Xml is { } xml && EncryptKeyXml(key, xml) is { } encrypted)
                row.Xml = encrypted;
        }
        var secretNames = ProtectedTokenUserStore.SecretTokenNames;
        var tokens = await db.UserTokens
            .Where(t => t.LoginProvider == ProtectedTokenUserStore.InternalLoginProvider && secretNames.Contains(t.Name))
            .ToListAsync();
        foreach (var token in tokens.Where(t => t.Value is not null))
        {
            var stored = token.Value!;
            if (stored.StartsWith(ProtectedTokenUserStore.Marker, StringComparison.Ordinal) && key.IsCurrent(stored[ProtectedTokenUserStore.Marker.Length..]))
                continue;
            token.Value = ProtectedTokenUserStore.Protect(key, ProtectedTokenUserStore.Unprotect(key, stored));
        }
        // The VAPID private key (issue 14) follows a rotation like the rest.
        foreach (var pushKey in await db.WebPushKeys.ToListAsync())
            Features.Reminders.Push.VapidKeys.ReEncrypt(key, pushKey);
        await db.SaveChangesAsync();
    }

    /// <summary>The key's XML with every clear or old-key secret encrypted under the current key; null if nothing changed.</summary>
    internal static string? EncryptKeyXml(AtRestKey key, string xml)
    {
        var root = XElement.Parse(xml);
        var changed = false;
        // Clear master keys: the framework marks them requiresEncryption="true" and would have handed them to
        // the encryptor; do what it does (XmlEncryptionExtensions.EncryptIfNecessary).
        foreach (var clear in root.Descendants().Where(e => (bool?)e.Attribute(s_dataProtection + "requiresEncryption") == true).ToList())
        {
            var info = new KeyRingEncryptor(key).Encrypt(new XElement(clear));
            clear.ReplaceWith(new XElement(s_dataProtection + "encryptedSecret",
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            changed = true;
        }
        foreach (var encrypted in root.Descendants(KeyRingEncryptor.Element).Where(e => !key.IsCurrent(e.Value)).ToList())
        {
            encrypted.Value = key.Encrypt(KeyRingEncryptor.Purpose, key.Decrypt(KeyRingEncryptor.Purpose, encrypted.Value));
            changed = true;
        }
        return changed ? root.ToString(SaveOptions.DisableFormatting) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secrets at rest not checked on start: the database is unavailable or not migrated yet.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
