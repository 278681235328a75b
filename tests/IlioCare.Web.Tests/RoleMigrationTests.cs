using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IlioCare.Web.Tests;

/// <summary>
/// An account made before roles existed (issue 3's database) is a patient after the upgrade: without the role
/// the patient pages that now ask for it would answer 403 to every existing patient.
/// </summary>
public sealed class RoleMigrationTests
{
    [Fact]
    public async Task Upgrade_GivesExistingAccountsThePatientRole_AndTheRolesExist()
    {
        using var database = new TestDatabase();
        var builder = new DbContextOptionsBuilder<IlioCareDbContext>();
        builder.UseIlioCareDatabase(TestDatabase.Provider, database.ConnectionString);
        var options = builder.Options;
        await using var db = new IlioCareDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_ClinicianPortal", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);

        // Issue 3's sign-up wrote the account and nothing about roles (there were none).
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", " +
            "\"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\", \"CreatedAtUtc\") " +
            "VALUES ('old-patient', 'old@example.com', 'OLD@EXAMPLE.COM', 'old@example.com', 'OLD@EXAMPLE.COM', {0}, {0}, {0}, {1}, 0, {2})",
            false, true, DateTime.UtcNow);

        await migrator.MigrateAsync();

        var roles = await db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal([Roles.Admin, Roles.Clinician, Roles.Patient], roles);
        var granted = await db.UserRoles.Where(r => r.UserId == "old-patient").Select(r => r.RoleId).ToListAsync();
        Assert.Equal(["role-patient"], granted);
    }
}
