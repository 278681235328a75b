using IlioCare.Clinical.Safety;
using IlioCare.Data;
using IlioCare.Web.Features.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// Sign-up (issue 18): a new address gets an account, its patient profile, the claimed assessment and a verification
/// mail, in one transaction; an address that has an account already gets a mail saying someone tried. The caller
/// answers the same in both cases, so sign-up no longer tells whether an address has an account.
/// </summary>
internal static class SignUpHandler
{
    /// <summary>Only password-rule errors can come back (the form was checked): existence never does.</summary>
    public static async Task<IReadOnlyList<(string Field, string Message)>> SignUpAsync(SignUpForm form, IlioCareDbContext db,
        UserManager<Account> users, MailLinks links, MailSignal mail, AccountMails mails, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = form.Email!.Trim();
        var born = form.ParsedDateOfBirth!.Value;
        // Issue 16: the language the sign-up page was shown in (the browser's, or the one chosen in the footer).
        var language = Language.LanguageChoice.Current;

        // UserManager saves through the same scoped context, so one transaction covers every write, the mail included.
        // Inside the execution strategy (InTransactionAsync) because PostgreSQL retries transient errors: the whole unit
        // is replayed, so the account is built inside it.
        var errors = await db.InTransactionAsync<IReadOnlyList<(string, string)>>(async token =>
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // The same hashing work as a new account, so the answer's timing does not tell either.
                _ = users.PasswordHasher.HashPassword(existing, form.Password!);
                Outbox.Add(db, mails.SomeoneTriedToSignUp(existing.Language, existing.Email!, links.To("/forgot-password")), now);
                await db.SaveChangesAsync(token);
                return [];
            }
            var account = new Account
            {
                UserName = email, Email = email, CreatedAtUtc = now, DisplayName = form.Name!.Trim(), DateOfBirth = born, Language = language,
            };
            var created = await users.CreateAsync(account, form.Password!);
            if (!created.Succeeded) // nothing was written: validation runs before the insert
                return created.Errors.Where(e => e.Code.Contains("Password", StringComparison.Ordinal))
                    .Select(e => ("password", e.Description)).Distinct().ToList();
            // Every account that signs up is a patient (F15); staff accounts are made by an admin or the operator.
            var role = await users.AddToRoleAsync(account, Roles.Patient);
            if (!role.Succeeded)
                throw new InvalidOperationException($"Could not give the new account the {Roles.Patient} role: {string.Join("; ", role.Errors.Select(e => e.Description))}");

            db.PatientProfiles.Add(new PatientProfile
            {
                AccountId = account.Id,
                // The engine's age (SPEC §3 triage of check-ins) is the age on the day of sign-up, from the date of birth.
                AgeAtSignUp = AccountAge.YearsOn(born, DateOnly.FromDateTime(now)),
                TermsAcceptedAtUtc = now,
                CreatedAtUtc = now,
            });
            if (form.Assessment is { } id)
            {
                // Only an unclaimed one: a link to somebody else's result cannot move it into this account.
                await db.Assessments.Where(a => a.Id == id && a.AccountId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountId, account.Id), token);
            }
            var confirm = await users.GenerateEmailConfirmationTokenAsync(account);
            Outbox.Add(db, mails.VerifyAddress(account.Language, email, account.DisplayName, links.To("/verify-email", LinkTokens.Pack(account.Id, confirm))), now);
            await db.SaveChangesAsync(token);
            return [];
        }, ct);
        mail.Wake();
        return errors;
    }
}
