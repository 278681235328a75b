using System.Buffers.Text;
using System.Security.Cryptography;

namespace IlioCare.Web.Features.Reminders;

/// <summary>
/// The secret in a calendar feed URL (F12). A calendar app cannot sign in, so the address itself is the key:
/// 256 random bits, base64url (letters, digits, '-' and '_': safe in a path), 43 characters.
/// </summary>
internal static class FeedToken
{
    /// <summary>256 bits: far above the 128 a guesser would have to beat, and still a short address.</summary>
    public const int RandomBytes = 32;
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Anything else is answered 404 without asking the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
