using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Web.Features.Accounts;

/// <summary>What a password typed on a signed-in page came to.</summary>
internal enum PasswordCheck { Right, Wrong, LockedOut }

/// <summary>
/// The password a signed-in page asks for before something that cannot be undone (turn off two-factor, delete the
/// account, make a token). Issue 13 finding 4: these pages checked the password without the lock-out, so seven wrong
/// guesses and then the right one still worked on a locked account. Here a wrong guess counts towards the 5 that lock
/// the account for 15 minutes (AccountSetup), exactly as at sign-in, and a locked account is refused even with the
/// right password.
/// </summary>
internal static class PasswordConfirmation
{
    public const string LockedOutMessage = "Too many wrong attempts: this account is locked for 15 minutes. Try again later.";

    public static async Task<PasswordCheck> CheckAsync(SignInManager<Account> signIn, Account account, string? password)
    {
        var result = await signIn.CheckPasswordSignInAsync(account, password ?? "", lockoutOnFailure: true);
        return result.Succeeded ? PasswordCheck.Right : result.IsLockedOut ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
    }
}
