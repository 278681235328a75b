using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Accounts;

/// <summary>Creates the account and its patient profile in one transaction, and claims the anonymous assessment.</summary>
internal static class SignUpHandler
{
    public static async Task<(Account? Account, IEnumerable<(string Field, string Message)> Errors)> CreateAsync(
        SignUpForm form, IlioCareDbContext db, UserManager<Account> users, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = form.Email!.Trim();

        // UserManager saves through the same scoped context, so one transaction covers all three writes. Inside
        // the execution strategy (InTransactionAsync) because PostgreSQL retries transient errors: the whole
        // unit is replayed, so the account is built inside it.
        return await db.InTransactionAsync<(Account?, IEnumerable<(string, string)>)>(async token =>
        {
            var account = new Account { UserName = email, Email = email, CreatedAtUtc = now };
            var created = await users.CreateAsync(account, form.Password!);
            if (!created.Succeeded) // nothing was written: validation runs before the insert
                return (null, created.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", Describe(e))).Distinct().ToList());
            // Every account that signs up is a patient (F15); staff accounts are made by an admin or the operator.
            var role = await users.AddToRoleAsync(account, Roles.Patient);
            if (!role.Succeeded)
                throw new InvalidOperationException($"Could not give the new account the {Roles.Patient} role: {string.Join("; ", role.Errors.Select(e => e.Description))}");

            db.PatientProfiles.Add(new PatientProfile
            {
                AccountId = account.Id,
                AgeAtSignUp = form.ParsedAge!.Value,
                TermsAcceptedAtUtc = now,
                CreatedAtUtc = now,
            });
            if (form.Assessment is { } id)
            {
                // Only an unclaimed one: a link to somebody else's result cannot move it into this account.
                await db.Assessments.Where(a => a.Id == id && a.AccountId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountId, account.Id), token);
            }
            await db.SaveChangesAsync(token);
            return (account, []);
        }, ct);
    }

    private static string Describe(IdentityError e) => e.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => "An account with this email already exists. Sign in instead.",
        "InvalidEmail" or "InvalidUserName" => "Enter an email address like name@example.com.",
        "PasswordTooShort" => "Choose a password of at least 8 characters.",
        _ => e.Description,
    };
}
