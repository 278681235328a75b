using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Admin;

/// <summary>The admin's "add a clinician" form (F13, F15); its messages in the reader's language.</summary>
public sealed class StaffForm
{
    public const int MaxDisplayNameLength = 100; // Account.DisplayName column

    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }

    public IEnumerable<(string Field, string Message)> Validate(IStringLocalizer<StaffForm> L)
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
            yield return ("email", L["Enter an email address like name@example.com."]);
        if (string.IsNullOrWhiteSpace(DisplayName))
            yield return ("displayName", L["Enter the name patients will see, for example “Dr Ana Silva, physiotherapist”."]);
        else if (DisplayName.Trim().Length > MaxDisplayNameLength)
            yield return ("displayName", L["Use at most {0} characters.", MaxDisplayNameLength]);
        if (string.IsNullOrEmpty(Password) || Password.Length < AccountSetup.MinPasswordLength)
            yield return ("password", L["Choose a password of at least {0} characters.", AccountSetup.MinPasswordLength]);
    }

    /// <summary>Identity's refusals, each under the field it is about.</summary>
    public static IEnumerable<(string Field, string Message)> Describe(IEnumerable<IdentityError> errors, IStringLocalizer<StaffForm> L) => errors.Select(e => e.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => ("email", L["An account with this email already exists."].Value),
        "InvalidEmail" or "InvalidUserName" => ("email", L["Enter an email address like name@example.com."].Value),
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => ("password", e.Description),
        _ => ("email", e.Description),
    }).Distinct();
}

/// <summary>Identity refused the new staff account; thrown inside the transaction so nothing half-made stays.</summary>
internal sealed class StaffRefusedException(IEnumerable<IdentityError> errors) : Exception("The staff account was refused.")
{
    public IReadOnlyList<IdentityError> Errors { get; } = errors.ToList();
}
