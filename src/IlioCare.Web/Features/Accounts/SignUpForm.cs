using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace IlioCare.Web.Features.Accounts;

/// <summary>The posted sign-up form (F15, F18). Never an entity: only these fields can be set (overposting).</summary>
public sealed class SignUpForm
{
    /// <summary>F18: accounts from 16; younger people are told to involve a parent and a doctor.</summary>
    public const int MinimumAge = 16;
    /// <summary>OWASP: allow long passphrases, but cap the work of hashing a huge one.</summary>
    public const int MaxPasswordLength = 128;

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Age { get; set; }
    public bool AcceptTerms { get; set; }
    /// <summary>The anonymous assessment to claim, carried from the result page.</summary>
    public Guid? Assessment { get; set; }

    public int? ParsedAge => int.TryParse(Age?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) ? age : null;

    public IEnumerable<(string Field, string Message)> Check()
    {
        if (string.IsNullOrWhiteSpace(Email)) yield return ("email", "Enter your email address.");
        else if (!new EmailAddressAttribute().IsValid(Email.Trim())) yield return ("email", "Enter an email address like name@example.com.");
        if (string.IsNullOrEmpty(Password)) yield return ("password", "Choose a password of at least 8 characters.");
        else if (Password.Length < Hosting.AccountSetup.MinPasswordLength) yield return ("password", $"Choose a password of at least {Hosting.AccountSetup.MinPasswordLength} characters.");
        else if (Password.Length > MaxPasswordLength) yield return ("password", $"Use at most {MaxPasswordLength} characters.");
        if (ParsedAge is not { } age) yield return ("age", "Enter your age in years, as a whole number.");
        else if (age < MinimumAge) yield return ("age", "IlioCare accounts start at 16. Please talk to a parent and a doctor about your hip; you can still take the self-assessment.");
        else if (age > 110) yield return ("age", "Enter your age in years, 16 to 110.");
        if (!AcceptTerms) yield return ("acceptTerms", "Tick the box to agree to the terms; we cannot keep your data without it.");
    }
}
