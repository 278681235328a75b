using System.Net;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// F15: the audit verifier catches a row changed or deleted in the database behind the app's back, and a wrong
/// key. Each test has its own database (the log is one chain per deployment, so a tampered chain stays broken).
/// </summary>
public sealed class AuditVerifierTests
{
    [Fact]
    public async Task Verify_UntouchedLog_IsIntact_AndThePageSaysSo()
    {
        await using var factory = new StaffFactory();
        await AppendAsync(factory, 5);
        var result = await VerifyAsync(factory);
        Assert.True(result.IsIntact);
        Assert.Equal(5, result.RowsChecked);

        var (admin, _) = await factory.StaffAsync("audit-admin@example.com", Roles.Admin);
        var page = await admin.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Intact.", html, StringComparison.Ordinal);
        Assert.Contains("the last is number 5", html, StringComparison.Ordinal);
        Assert.Contains("detail 5", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowDetailChangedWithSql_ReportsThatRow()
    {
        await using var factory = new StaffFactory();
        await AppendAsync(factory, 5);
        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Detail" = 'nothing to see' WHERE "Sequence" = 3"""));
        var result = await VerifyAsync(factory);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.RowsChecked);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);

        var (admin, _) = await factory.StaffAsync("audit-admin-2@example.com", Roles.Admin);
        var html = await (await admin.GetAsync("/admin/audit")).Content.ReadAsStringAsync();
        Assert.Contains("Broken at row 3.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MiddleRowDeleted_ReportsTheGap()
    {
        await using var factory = new StaffFactory();
        await AppendAsync(factory, 5);
        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Sequence" = 2"""));
        var result = await VerifyAsync(factory);
        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongKey_IsBroken()
    {
        await using var factory = new StaffFactory();
        await AppendAsync(factory, 3);
        var other = new AuditTrail(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var result = await factory.InDatabaseAsync(db => other.VerifyAsync(db, default));
        Assert.Equal(1, result.BrokenAt);
        Assert.True((await VerifyAsync(factory)).IsIntact);
    }

    [Fact]
    public async Task AuditPage_IsForAdminsOnly()
    {
        await using var factory = new StaffFactory();
        var (clinician, _) = await factory.StaffAsync("audit-clinician@example.com", Roles.Clinician);
        Assert.NotEqual(HttpStatusCode.OK, (await clinician.GetAsync("/admin/audit")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await new FormClient(factory).GetAsync("/admin/audit")).StatusCode);
    }

    private static async Task AppendAsync(StaffFactory factory, int count)
    {
        var audit = factory.Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= count; i++)
        {
            var at = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(i);
            await factory.InDatabaseAsync(async db =>
            {
                await audit.RecordAsync(db, "clinician-" + i, "patient-" + i, AuditAction.ReadPatient, "detail " + i, at, default);
                return 0;
            });
        }
    }

    private static Task<AuditVerification> VerifyAsync(StaffFactory factory) =>
        factory.InDatabaseAsync(db => factory.Services.GetRequiredService<AuditTrail>().VerifyAsync(db, default));
}
