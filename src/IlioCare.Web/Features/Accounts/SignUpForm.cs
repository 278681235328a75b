using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IlioCare.Clinical.Safety;
using IlioCare.Data;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// The sign-up (F15, F18, issue 18), posted by the page or sent to <c>POST /api/v1/accounts</c>: one set of rules for
/// both. Never an entity: only these fields can be set (overposting).
/// </summary>
public sealed class SignUpForm
{
    /// <summary>OWASP: allow long passphrases, but cap the work of hashing a huge one.</summary>
    public const int MaxPasswordLength = 128;

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Name { get; set; }
    /// <summary>YYYY-MM-DD, as a date field posts it.</summary>
    public string? DateOfBirth { get; set; }
    public bool AcceptTerms { get; set; }
    /// <summary>The anonymous assessment to claim, carried from the result page.</summary>
    public Guid? Assessment { get; set; }

    public DateOnly? ParsedDateOfBirth => PersonRules.ParseDate(DateOfBirth);

    public IEnumerable<(string Field, string Message)> Check(DateOnly today)
    {
        if (PersonRules.CheckEmail(Email) is { } email) yield return ("email", email);
        if (PersonRules.CheckPassword(Password) is { } password) yield return ("password", password);
        if (PersonRules.CheckName(Name) is { } name) yield return ("name", name);
        if (PersonRules.CheckDateOfBirth(DateOfBirth, today) is { } born) yield return ("dateOfBirth", born);
        if (!AcceptTerms) yield return ("acceptTerms", "Tick the box to agree to the terms; we cannot keep your data without it.");
    }

    /// <summary>True when the only trouble with the date of birth is being under 16: the page then offers the assessment.</summary>
    public bool IsTooYoung(DateOnly today) => ParsedDateOfBirth is { } born && AccountAge.YearsOn(born, today) < AccountAge.Minimum && born <= today;
}

/// <summary>The rules for a person's details, shared by sign-up, /account and the API (plain words: a patient reads them).</summary>
public static class PersonRules
{
    public static DateOnly? ParseDate(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string? CheckEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Enter your email address."
        : email.Trim().Length > 256 || !new EmailAddressAttribute().IsValid(email.Trim()) ? "Enter an email address like name@example.com."
        : null;

    public static string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) ? $"Choose a password of at least {AccountRules.MinPasswordLength} characters."
        : password.Length < AccountRules.MinPasswordLength ? $"Choose a password of at least {AccountRules.MinPasswordLength} characters."
        : password.Length > SignUpForm.MaxPasswordLength ? $"Use at most {SignUpForm.MaxPasswordLength} characters."
        : null;

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter your name, as you would like your clinician to call you."
        : name.Trim().Length > Account.MaxNameLength ? $"Use at most {Account.MaxNameLength} characters."
        : name.Any(char.IsControl) ? "Use letters, spaces and punctuation only."
        : null;

    public static string? CheckDateOfBirth(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return "Enter your date of birth.";
        if (ParseDate(text) is not { } born) return "Enter your date of birth as year-month-day, for example 1990-04-25.";
        if (born > today) return "Your date of birth cannot be in the future.";
        var years = AccountAge.YearsOn(born, today);
        if (years < AccountAge.Minimum)
            return "IlioCare accounts start at 16. Please talk to a parent and a doctor about your hip; you can still take the self-assessment.";
        if (years > AccountAge.Maximum) return "Check the year of your date of birth.";
        return null;
    }
}
