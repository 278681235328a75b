using System.Security.Cryptography;
using System.Text;

namespace IlioCare.Web.Features.CareTeam;

/// <summary>
/// The code a patient reads out or sends to their clinician (F13): 8 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), shown as XXXX-XXXX. 8 characters of 25 give 25^8 ≈ 1.5·10^11 codes: with a 7-day
/// life, single use and the rate limit on redeeming, guessing one is out of reach. Only the SHA-256 is stored.
/// </summary>
internal static class InviteCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int Length = 8;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A new random code, formatted XXXX-XXXX.</summary>
    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return Format(new string(chars));
    }

    public static string Format(string normalized) => $"{normalized[..4]}-{normalized[4..]}";

    /// <summary>What the clinician typed, upper-cased without dashes and spaces; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var text = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ') continue;
            text.Append(char.ToUpperInvariant(c));
        }
        var code = text.ToString();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>SHA-256 of the normalized code, hex (LinkInvite.CodeHash).</summary>
    public static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
}
