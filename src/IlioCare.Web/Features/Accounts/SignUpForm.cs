using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IlioCare.Clinical.Safety;
using IlioCare.Data;
using Microsoft.Extensions.Localization;

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

    /// <summary>The messages in the request's language (<paramref name="L"/>): the page and the API show them to a person.</summary>
    public IEnumerable<(string Field, string Message)> Check(DateOnly today, IStringLocalizer<SignUpForm> L)
    {
        if (PersonRules.CheckEmail(Email, L) is { } email) yield return ("email", email);
        if (PersonRules.CheckPassword(Password, L) is { } password) yield return ("password", password);
        if (PersonRules.CheckName(Name, L) is { } name) yield return ("name", name);
        if (PersonRules.CheckDateOfBirth(DateOfBirth, today, L) is { } born) yield return ("dateOfBirth", born);
        if (!AcceptTerms) yield return ("acceptTerms", L["Tick the box to agree to the terms. We cannot keep your data without it."]);
    }

    /// <summary>True when the only trouble with the date of birth is being under 16: the page then offers the assessment.</summary>
    public bool IsTooYoung(DateOnly today) => ParsedDateOfBirth is { } born && AccountAge.YearsOn(born, today) < AccountAge.Minimum && born <= today;
}

/// <summary>
/// The rules for a person's details, shared by sign-up, /account and the API (plain words: a patient reads them). The
/// words are <see cref="SignUpForm"/>'s resources (a static class cannot be a localizer's type).
/// </summary>
public static class PersonRules
{
    public static DateOnly? ParseDate(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string? CheckEmail(string? email, IStringLocalizer<SignUpForm> L) =>
        string.IsNullOrWhiteSpace(email) ? L["Enter your e-mail address."].Value
        : email.Trim().Length > 256 || !new EmailAddressAttribute().IsValid(email.Trim()) ? L["Enter an e-mail address like name@example.com."].Value
        : null;

    public static string? CheckPassword(string? password, IStringLocalizer<SignUpForm> L) =>
        string.IsNullOrEmpty(password) || password.Length < AccountRules.MinPasswordLength
            ? L["Choose a password of at least {0} characters.", AccountRules.MinPasswordLength].Value
        : password.Length > SignUpForm.MaxPasswordLength ? L["Use at most {0} characters.", SignUpForm.MaxPasswordLength].Value
        : null;

    public static string? CheckName(string? name, IStringLocalizer<SignUpForm> L) =>
        string.IsNullOrWhiteSpace(name) ? L["Enter your name, as you would like your clinician to call you."].Value
        : name.Trim().Length > Account.MaxNameLength ? L["Use at most {0} characters.", Account.MaxNameLength].Value
        : name.Any(char.IsControl) ? L["Use letters, spaces and punctuation only."].Value
        : null;

    /// <summary>The date as a date field posts it (the field shows it in the reader's own order, so no example is given).</summary>
    public static string? CheckDateOfBirth(string? text, DateOnly today, IStringLocalizer<SignUpForm> L)
    {
        if (string.IsNullOrWhiteSpace(text)) return L["Enter your date of birth."].Value;
        if (ParseDate(text) is not { } born) return L["Enter the day, the month and the year you were born."].Value;
        if (born > today) return L["Your date of birth cannot be in the future."].Value;
        var years = AccountAge.YearsOn(born, today);
        if (years < AccountAge.Minimum)
            return L["IlioCare accounts start at 16. Please talk to a parent and a doctor about your hip. You can still take the self-assessment."];
        if (years > AccountAge.Maximum) return L["Check the year of your date of birth."];
        return null;
    }
}
