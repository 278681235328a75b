using System.Security.Claims;
using IlioCare.Clinical.Safety;
using IlioCare.Data;
using IlioCare.Web.Features.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Accounts;

/// <summary>Field errors in the words a person reads: the pages show them, the API names the fields.</summary>
internal sealed class FlowErrors : List<(string Field, string Message)>
{
    public static readonly IReadOnlyList<(string, string)> None = [];
}

/// <summary>
/// The account flows of issue 18, one handler each for the pages and the API: verify an address, reset a forgotten
/// password, change the password, change the e-mail address, edit the name and date of birth. Every mail is queued in
/// the transaction of its change; the sessions end through the security stamp, which each change of password or
/// address renews (Identity does it inside ResetPasswordAsync, ChangePasswordAsync and ChangeEmailAsync).
/// </summary>
internal sealed class AccountFlows(IlioCareDbContext db, UserManager<Account> users, SignInManager<Account> signIn,
    MailLinks links, MailSignal mail, AccountMails mails, TimeProvider clock, IStringLocalizer<AccountFlows> L,
    IStringLocalizer<SignUpForm> rules)
{
    /// <summary>The messages are in the request's language: the pages and the API's problem details show them to a person.</summary>
    private string BadLink => L["This link does not work any more: it was already used, it ran out, or it was cut short. Ask for a new one."];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    /// <summary>Today in UTC: the day the 16+ gate is judged on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public Task<IReadOnlyList<(string Field, string Message)>> SignUpAsync(SignUpForm form, CancellationToken ct) =>
        SignUpHandler.SignUpAsync(form, db, users, links, mail, mails, clock, ct);

    /// <summary>Confirms an address: the sign-up's own, or a new one asked for on /account (which then becomes the sign-in name).</summary>
    public async Task<IReadOnlyList<(string, string)>> VerifyAsync(string? token, CancellationToken ct)
    {
        if (LinkTokens.Unpack(token) is not { } parts || await users.FindByIdAsync(parts.AccountId) is not { } account)
            return [("token", BadLink)];
        if (parts.NewEmail is null)
            return (await users.ConfirmEmailAsync(account, parts.IdentityToken)).Succeeded ? FlowErrors.None : [("token", BadLink)];

        var newEmail = parts.NewEmail;
        if (await users.FindByEmailAsync(newEmail) is { } other && other.Id != account.Id)
            return [("token", L["Another account uses this address now, so it cannot be yours too."])];
        return await db.InTransactionAsync<IReadOnlyList<(string, string)>>(async _ =>
        {
            var fresh = await users.FindByIdAsync(parts.AccountId);
            if (fresh is null || !(await users.ChangeEmailAsync(fresh, newEmail, parts.IdentityToken)).Succeeded) return [("token", BadLink)];
            // The address is the sign-in name too: both change, or neither.
            var renamed = await users.SetUserNameAsync(fresh, newEmail);
            if (!renamed.Succeeded) throw new InvalidOperationException("The user name could not follow the confirmed address: " + renamed.Errors.First().Description);
            return FlowErrors.None;
        }, ct);
    }

    /// <summary>Always the same answer; a mail only if the address has an account.</summary>
    public async Task RequestResetAsync(string email, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } account) return;
        var token = await users.GeneratePasswordResetTokenAsync(account);
        Outbox.Add(db, mails.ResetPassword(account.Language, account.Email!, links.To("/reset-password", LinkTokens.Pack(account.Id, token))), Now);
        await db.InTransactionAsync(t => db.SaveChangesAsync(t), ct);
        mail.Wake();
    }

    /// <summary>An admin sends a clinician or admin a reset link instead of telling them a password (issue 18).</summary>
    public async Task SendStaffResetAsync(Account staff, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(staff);
        Outbox.Add(db, mails.NewStaffPassword(staff.Language, staff.Email!, staff.DisplayName ?? staff.Email!, links.To("/reset-password", LinkTokens.Pack(staff.Id, token))), Now);
        await db.InTransactionAsync(t => db.SaveChangesAsync(t), ct);
        mail.Wake();
    }

    /// <summary>
    /// A new password from a reset link: the link works once (the reset renews the security stamp it is tied to) and for an
    /// hour; every session of the account ends; the address is now proven; a lock-out from wrong guesses is lifted.
    /// </summary>
    public async Task<IReadOnlyList<(string, string)>> ConfirmResetAsync(string? token, string? newPassword, CancellationToken ct)
    {
        var errors = new FlowErrors();
        var parts = LinkTokens.Unpack(token);
        if (parts is null) errors.Add(("token", BadLink));
        if (PersonRules.CheckPassword(newPassword, rules) is { } bad) errors.Add(("newPassword", bad));
        if (errors.Count > 0 || await users.FindByIdAsync(parts!.AccountId) is not { } account) return errors.Count > 0 ? errors : [("token", BadLink)];

        return await db.InTransactionAsync<IReadOnlyList<(string, string)>>(async _ =>
        {
            var fresh = (await users.FindByIdAsync(account.Id))!;
            var reset = await users.ResetPasswordAsync(fresh, parts.IdentityToken, newPassword!);
            if (!reset.Succeeded)
                return reset.Errors.Any(e => e.Code == "InvalidToken") ? [("token", BadLink)] : reset.Errors.Select(e => ("newPassword", e.Description)).ToList();
            fresh.EmailConfirmed = true; // the link came to this address
            fresh.PasswordChangeRequired = false;
            fresh.LockoutEnd = null;
            fresh.AccessFailedCount = 0;
            var saved = await users.UpdateAsync(fresh);
            if (!saved.Succeeded) throw new InvalidOperationException(saved.Errors.First().Description);
            return FlowErrors.None;
        }, ct);
    }

    /// <summary>
    /// A new password for the signed-in person. A wrong current password counts towards the lock-out as at sign-in. Other
    /// sessions end (new security stamp); this one is renewed when it is a browser's cookie.
    /// </summary>
    public async Task<IReadOnlyList<(string, string)>> ChangePasswordAsync(ClaimsPrincipal user, string current, string? newPassword, CancellationToken ct)
    {
        if (await users.GetUserAsync(user) is not { } account) return [("currentPassword", L["Sign in again."])];
        if (PersonRules.CheckPassword(newPassword, rules) is { } bad) return [("newPassword", bad)];
        if (await CheckCurrentPasswordAsync(account, current) is { } wrong) return [("currentPassword", wrong)];

        var errors = await db.InTransactionAsync<IReadOnlyList<(string, string)>>(async _ =>
        {
            var fresh = (await users.FindByIdAsync(account.Id))!;
            var changed = await users.ChangePasswordAsync(fresh, current, newPassword!);
            if (!changed.Succeeded) return changed.Errors.Select(e => ("newPassword", e.Description)).ToList();
            if (fresh.PasswordChangeRequired)
            {
                fresh.PasswordChangeRequired = false;
                await users.UpdateAsync(fresh);
            }
            Outbox.Add(db, mails.PasswordChanged(fresh.Language, fresh.Email!, fresh.DisplayName ?? fresh.Email!), Now);
            await db.SaveChangesAsync(CancellationToken.None); // inside the unit: its own token would not replay it
            return FlowErrors.None;
        }, ct);
        if (errors.Count > 0) return errors;
        mail.Wake();
        // A browser's own session carries on with the new stamp; a script's access token is not a session to renew.
        if (user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme && await users.FindByIdAsync(account.Id) is { } renewed)
            await signIn.RefreshSignInAsync(renewed);
        return errors;
    }

    /// <summary>
    /// Asks for a new address: a confirmation link goes to the new address (the change happens only when it is opened)
    /// and a notice to the old one. The same answer whether or not the new address belongs to another account.
    /// </summary>
    public async Task<IReadOnlyList<(string, string)>> ChangeEmailAsync(ClaimsPrincipal user, string? newEmail, string current, CancellationToken ct)
    {
        if (await users.GetUserAsync(user) is not { } account) return [("currentPassword", L["Sign in again."])];
        if (PersonRules.CheckEmail(newEmail, rules) is { } bad) return [("newEmail", bad)];
        var address = newEmail!.Trim();
        if (string.Equals(address, account.Email, StringComparison.OrdinalIgnoreCase)) return [("newEmail", L["This is already your address."])];
        if (await CheckCurrentPasswordAsync(account, current) is { } wrong) return [("currentPassword", wrong)];

        var name = account.DisplayName ?? account.Email!;
        if (await users.FindByEmailAsync(address) is { } owner)
            Outbox.Add(db, mails.SomeoneTriedToSignUp(owner.Language, owner.Email!, links.To("/forgot-password")), Now);
        else
        {
            var token = await users.GenerateChangeEmailTokenAsync(account, address);
            Outbox.Add(db, mails.ConfirmNewAddress(account.Language, address, name, links.To("/verify-email", LinkTokens.Pack(account.Id, token, address))), Now);
        }
        Outbox.Add(db, mails.AddressChangeRequested(account.Language, account.Email!, name), Now);
        await db.InTransactionAsync(t => db.SaveChangesAsync(t), ct);
        mail.Wake();
        return FlowErrors.None;
    }

    /// <summary>Sends the sign-up's confirmation link again (the banner's button).</summary>
    public async Task ResendVerificationAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await users.GetUserAsync(user) is not { EmailConfirmed: false } account) return;
        var token = await users.GenerateEmailConfirmationTokenAsync(account);
        Outbox.Add(db, mails.VerifyAddress(account.Language, account.Email!, account.DisplayName ?? account.Email!, links.To("/verify-email", LinkTokens.Pack(account.Id, token))), Now);
        await db.InTransactionAsync(t => db.SaveChangesAsync(t), ct);
        mail.Wake();
    }

    /// <summary>The name, and the date of birth (patients must stay 16 or older, F18; staff may leave it out).</summary>
    public async Task<IReadOnlyList<(string, string)>> UpdateProfileAsync(ClaimsPrincipal user, string? name, string? dateOfBirth, CancellationToken ct)
    {
        if (await users.GetUserAsync(user) is not { } account) return [("name", L["Sign in again."])];
        var errors = new FlowErrors();
        if (PersonRules.CheckName(name, rules) is { } badName) errors.Add(("name", badName));
        var patient = await users.IsInRoleAsync(account, Roles.Patient);
        if ((patient || !string.IsNullOrWhiteSpace(dateOfBirth)) && PersonRules.CheckDateOfBirth(dateOfBirth, Today, rules) is { } badDate)
            errors.Add(("dateOfBirth", badDate));
        if (errors.Count > 0) return errors;

        var born = PersonRules.ParseDate(dateOfBirth);
        await db.InTransactionAsync(async token =>
        {
            var fresh = (await users.FindByIdAsync(account.Id))!;
            fresh.DisplayName = name!.Trim();
            fresh.NamePromptPending = false;
            if (born is { } date)
            {
                fresh.DateOfBirth = date;
                // The engine's age follows a corrected date of birth: the age on the day the account was made.
                var age = AccountAge.YearsOn(date, DateOnly.FromDateTime(fresh.CreatedAtUtc));
                await db.PatientProfiles.Where(p => p.AccountId == fresh.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AgeAtSignUp, age), token);
            }
            var saved = await users.UpdateAsync(fresh);
            if (!saved.Succeeded) throw new InvalidOperationException(saved.Errors.First().Description);
        }, ct);
        return FlowErrors.None;
    }

    /// <summary>The one-time prompt's "keep this name".</summary>
    public async Task KeepNameAsync(ClaimsPrincipal user)
    {
        if (await users.GetUserAsync(user) is not { NamePromptPending: true } account) return;
        account.NamePromptPending = false;
        await users.UpdateAsync(account);
    }

    /// <summary>Null when right; a wrong guess counts towards the 15-minute lock-out, as at sign-in.</summary>
    private async Task<string?> CheckCurrentPasswordAsync(Account account, string current)
    {
        var check = await signIn.CheckPasswordSignInAsync(account, current, lockoutOnFailure: true);
        return check.Succeeded ? null
            : check.IsLockedOut ? L["Too many wrong attempts: this account is locked for 15 minutes. Try again later."].Value
            : L["That is not your current password."].Value;
    }
}
