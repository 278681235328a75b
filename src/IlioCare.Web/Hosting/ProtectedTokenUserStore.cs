using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Identity's user store with the authenticator key and the recovery codes encrypted at rest (H63, issue 13
/// finding 1): Identity keeps them as rows of <c>AspNetUserTokens</c>, in clear, so a database copy gave
/// every account's second factor. Every read and write of those two rows goes through
/// <see cref="SetTokenAsync"/>/<see cref="GetTokenAsync"/>, which encrypt with the at-rest key. A row written
/// before this change is still read as clear text (and re-encrypted on start by <see cref="SecretsAtRest"/>).
/// </summary>
internal sealed class ProtectedTokenUserStore(IlioCareDbContext context, AtRestKey key, IdentityErrorDescriber? describer = null)
    : UserStore<Account, IdentityRole, IlioCareDbContext>(context, describer)
{
    /// <summary>Identity's own names for the two secret rows (UserStoreBase).</summary>
    public const string InternalLoginProvider = "[AspNetUserStore]";
    public static readonly string[] SecretTokenNames = ["AuthenticatorKey", "RecoveryCodes"];
    public const string Purpose = "identity-user-token";

    public override Task SetTokenAsync(Account user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        if (value is not null && IsSecret(loginProvider, name))
            value = Protect(key, value);
        return base.SetTokenAsync(user, loginProvider, name, value, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(Account user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return value is not null && IsSecret(loginProvider, name) ? Unprotect(key, value) : value;
    }

    public static bool IsSecret(string loginProvider, string name) =>
        loginProvider == InternalLoginProvider && SecretTokenNames.Contains(name);

    /// <summary>"enc1:" marks an encrypted value; Identity's own values (base32 keys, codes joined by ';') never start so.</summary>
    public const string Marker = "enc1:";

    public static string Protect(AtRestKey key, string value) => Marker + key.Encrypt(Purpose, value);

    public static string Unprotect(AtRestKey key, string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? key.Decrypt(Purpose, stored[Marker.Length..]) : stored;
}
