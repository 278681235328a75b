using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using IlioCare.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// The <c>token</c> of a mail's link (issue 18): whose account, Identity's own token (protected, time-limited, tied to
/// the account's security stamp), and for an e-mail change the new address — packed as URL-safe base64, so the link
/// carries one query parameter and nothing needs escaping. Forging or editing it gets nowhere: Identity's part is
/// checked against the account and, for an e-mail change, against the new address (its purpose includes it).
/// </summary>
internal static class LinkTokens
{
    /// <summary>Longer than any real token: a huge one is refused before decoding.</summary>
    public const int MaxLength = 2000;

    public sealed record Parts(string AccountId, string IdentityToken, string? NewEmail);

    public static string Pack(string accountId, string identityToken, string? newEmail = null) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { accountId, identityToken, newEmail }));

    public static Parts? Unpack(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength) return null;
        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(token.Trim()));
            return parts is [{ Length: > 0 } id, { Length: > 0 } identity, var email] ? new(id, identity, email) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>The e-mail links' token provider: like the reset one, but valid for 3 days (people do not read mail at once).</summary>
internal sealed class EmailLinkTokenProvider(IDataProtectionProvider protection, IOptions<EmailLinkTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<Account>> log)
    : DataProtectorTokenProvider<Account>(protection, options, log)
{
    public const string ProviderName = "EmailLink";
}

internal sealed class EmailLinkTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public EmailLinkTokenProviderOptions()
    {
        Name = EmailLinkTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(3);
    }
}
