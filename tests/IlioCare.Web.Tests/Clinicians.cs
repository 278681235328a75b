using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>Clinicians and care links for the caseload tests, made through the real account code and stored rows.</summary>
internal static class Clinicians
{
    public const string Password = "clinician password 1";

    /// <summary>A clinician account (StaffAccounts, as the admin page and the CLI make them); returns its id.</summary>
    public static async Task<string> CreateAsync(IlioCareFactory factory, string email, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var result = await StaffAccounts.CreateAsync(users, email, name, Password, Roles.Clinician, factory.Clock.GetUtcNow().UtcDateTime);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>An active care link, as redeeming an invite makes it.</summary>
    public static Task LinkAsync(IlioCareFactory factory, string patientId, string clinicianId) =>
        factory.InDatabaseAsync(async db =>
        {
            db.CareLinks.Add(new CareLink { PatientId = patientId, ClinicianId = clinicianId, LinkedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

    /// <summary>The caseload as the page reads it (audited like the page).</summary>
    public static Task<IReadOnlyList<CaseloadRow>> CaseloadAsync(IlioCareFactory factory, string clinicianId) =>
        factory.InDatabaseAsync(db => CaseloadHandler.LoadAsync(db, factory.Services.GetRequiredService<AuditTrail>(), clinicianId, factory.Clock, default));

    public static Task<List<AuditEntry>> AuditAsync(IlioCareFactory factory, string actorId, string action) =>
        factory.InDatabaseAsync(db =>
        {
            var actor = factory.Services.GetRequiredService<AuditTrail>().Pseudonym(actorId);
            return db.AuditLog.Where(e => e.Actor == actor && e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
        });

    public static string Pseudonym(IlioCareFactory factory, string accountId) =>
        factory.Services.GetRequiredService<AuditTrail>().Pseudonym(accountId);
}
