using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Admin;

/// <summary>The admin's "add a clinician" form (F13, F15).</summary>
public sealed class StaffForm
{
    public const int MaxDisplayNameLength = 100; // Account.DisplayName column

    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
            yield return ("email", "Enter an email address like name@example.com.");
        if (string.IsNullOrWhiteSpace(DisplayName))
            yield return ("displayName", "Enter the name patients will see, for example \"Dr Ana Silva, physiotherapist\".");
        else if (DisplayName.Trim().Length > MaxDisplayNameLength)
            yield return ("displayName", $"Use at most {MaxDisplayNameLength} characters.");
        if (string.IsNullOrEmpty(Password) || Password.Length < AccountSetup.MinPasswordLength)
            yield return ("password", $"Choose a password of at least {AccountSetup.MinPasswordLength} characters.");
    }

    /// <summary>Identity's refusals, each under the field it is about.</summary>
    public static IEnumerable<(string Field, string Message)> Describe(IEnumerable<IdentityError> errors) => errors.Select(e => e.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => ("email", "An account with this email already exists."),
        "InvalidEmail" or "InvalidUserName" => ("email", "Enter an email address like name@example.com."),
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => ("password", e.Description),
        _ => ("email", e.Description),
    }).Distinct();
}

/// <summary>Identity refused the new staff account; thrown inside the transaction so nothing half-made stays.</summary>
internal sealed class StaffRefusedException(IEnumerable<IdentityError> errors) : Exception("The staff account was refused.")
{
    public IReadOnlyList<IdentityError> Errors { get; } = errors.ToList();
}
