using Microsoft.AspNetCore.Identity;

namespace IlioCare.Data;

/// <summary>
/// Identity's rules for passwords and e-mail addresses, one copy for the web app and the operator's
/// <c>iliocare create-admin|create-clinician</c>, so an account made on either side meets the same rules.
/// </summary>
public static class AccountRules
{
    /// <summary>OWASP: at least 8 characters, no composition rules.</summary>
    public const int MinPasswordLength = 8;

    public static void Apply(IdentityOptions o)
    {
        // OWASP Authentication Cheat Sheet: length matters, composition rules do not.
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.User.RequireUniqueEmail = true;
    }
}
