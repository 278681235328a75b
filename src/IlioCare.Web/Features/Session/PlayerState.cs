using System.Security.Cryptography;
using System.Text;

namespace IlioCare.Web.Features.Session;

/// <summary>Names for what the player keeps on the device (issue 14: state survives a refresh).</summary>
internal static class PlayerState
{
    /// <summary>
    /// A short, non-identifying name for the patient in the device's storage: the first 16 hex digits of the
    /// SHA-256 of the account id. Another patient on a shared phone gets another key, so never sees this count.
    /// </summary>
    public static string PatientKey(string accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accountId)))[..16];
}
