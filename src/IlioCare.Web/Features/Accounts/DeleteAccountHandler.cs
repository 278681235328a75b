using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// Delete my account (F15, GDPR art. 17): every row of the account goes with it — profile, assessments, program,
/// check-ins, care links (both sides), invites, treatments, access tokens, Identity's rows — by the foreign keys'
/// cascades (Data configurations). The audit log stays whole: it names accounts only by pseudonym.
/// </summary>
internal static class DeleteAccountHandler
{
    /// <summary>Null when the account is gone, else the message for the password field (English: the API's text).</summary>
    public static async Task<string?> DeleteAsync(UserManager<Account> users, SignInManager<Account> signIn, Account account, string? password) =>
        await TryDeleteAsync(users, signIn, account, password) switch
        {
            null => null,
            DeleteRefusal.LockedOut => PasswordConfirmation.LockedOutMessage + " Nothing was deleted.",
            DeleteRefusal.WrongPassword => "That is not your password. Nothing was deleted.",
            _ => "You are the last admin: make another admin first (the operator's iliocare create-admin), then delete this account.",
        };

    /// <summary>Null when the account is gone, else why not: the page says it in the reader's language.</summary>
    public static async Task<DeleteRefusal?> TryDeleteAsync(UserManager<Account> users, SignInManager<Account> signIn, Account account, string? password)
    {
        // A wrong password counts toward the lock-out, and a locked account deletes nothing (issue 13 finding 4).
        switch (await PasswordConfirmation.CheckAsync(signIn, account, password))
        {
            case PasswordCheck.LockedOut: return DeleteRefusal.LockedOut;
            case PasswordCheck.Wrong: return DeleteRefusal.WrongPassword;
        }
        if (await users.IsInRoleAsync(account, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
            return DeleteRefusal.LastAdmin;
        var deleted = await users.DeleteAsync(account);
        if (!deleted.Succeeded)
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", deleted.Errors.Select(e => e.Description)));
        await signIn.SignOutAsync();
        return null;
    }
}

/// <summary>Why an account was not deleted.</summary>
internal enum DeleteRefusal { WrongPassword, LockedOut, LastAdmin }
