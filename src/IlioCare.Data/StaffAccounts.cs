using Microsoft.AspNetCore.Identity;

namespace IlioCare.Data;

/// <summary>
/// Makes clinician and admin accounts (F13, F15, F17): shared by the admin page and the operator's
/// <c>iliocare create-clinician|create-admin</c>, so both apply Identity's password rules and the same
/// role. The new account has no second factor yet: the first sign-in makes the person set one up.
/// </summary>
public static class StaffAccounts
{
    public static async Task<IdentityResult> CreateAsync(UserManager<Account> users, string email, string displayName, string password, string role, DateTime nowUtc)
    {
        if (role is not (Roles.Clinician or Roles.Admin))
            throw new ArgumentException($"A staff account is a {Roles.Clinician} or an {Roles.Admin}, not '{role}'.", nameof(role));
        var account = new Account
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim(), CreatedAtUtc = nowUtc,
            PasswordChangeRequired = true, // someone else chose it: the person replaces it at their first sign-in (issue 18)
        };
        var created = await users.CreateAsync(account, password);
        return created.Succeeded ? await users.AddToRoleAsync(account, role) : created;
    }
}
