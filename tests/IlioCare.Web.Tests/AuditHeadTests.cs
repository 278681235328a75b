using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 13 finding 9 (H159, H160, ADR-0009): cutting off the newest rows, emptying the log or touching its
/// signed checkpoint is reported; text moved from one field into the next breaks the MAC; a chain signed before
/// the change still verifies. Each test has its own database (one chain per deployment).
/// </summary>
public sealed class AuditHeadTests
{
    [Fact]
    public async Task NewestRowsCutOff_IsReported_AndTheAdminPageSaysSo()
    {
        await using var factory = new IlioCareFactory();
        await AppendAsync(factory, 5);
        await SqlAsync(factory, """DELETE FROM "AuditLog" WHERE "Sequence" >= 4""");
        var result = await VerifyAsync(factory);
        Assert.Equal((4L, 3L), (result.BrokenAt, result.RowsChecked));
        Assert.Contains("cut off", result.Problem, StringComparison.Ordinal);

        var admin = (await Staff.SignInAdminAsync(factory, "audit-head-admin@example.com")).Client;
        var html = System.Net.WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/audit")).Content.ReadAsStringAsync());
        Assert.Contains("Broken at row 4.", html, StringComparison.Ordinal);
        Assert.Contains("the newest rows were cut off", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRowDeleted_IsReported()
    {
        await using var factory = new IlioCareFactory();
        await AppendAsync(factory, 3);
        await SqlAsync(factory, """DELETE FROM "AuditLog" """);
        var result = await VerifyAsync(factory);
        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsCutOff_AndTheCheckpointWoundBack_FailsTheCheckpointsMac()
    {
        await using var factory = new IlioCareFactory();
        await AppendAsync(factory, 5);
        var third = await factory.InDatabaseAsync(db => db.AuditLog.Where(e => e.Sequence == 3).Select(e => e.Mac).SingleAsync());
        await SqlAsync(factory, """DELETE FROM "AuditLog" WHERE "Sequence" >= 4""");
        await SqlAsync(factory, $"""UPDATE "AuditHead" SET "Sequence" = 3, "Mac" = '{third}'""");
        var result = await VerifyAsync(factory);
        Assert.False(result.IsIntact);
        Assert.Contains("checkpoint", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointDeleted_IsReported()
    {
        await using var factory = new IlioCareFactory();
        await AppendAsync(factory, 2);
        await SqlAsync(factory, """DELETE FROM "AuditHead" """);
        var result = await VerifyAsync(factory);
        Assert.False(result.IsIntact);
        Assert.Contains("checkpoint", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextMovedFromOneFieldIntoTheNext_BreaksTheMac()
    {
        await using var factory = new IlioCareFactory();
        var audit = factory.Services.GetRequiredService<AuditTrail>();
        var at = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.InDatabaseAsync(async db =>
        {
            await audit.RecordAsync(db, "clinician", "patient", "read:patient", "one\ntwo", at, default);
            return 0;
        });
        Assert.True((await VerifyAsync(factory)).IsIntact);
        // With fields joined by line breaks, ("read:patient", "one\ntwo") and ("read:patient\none", "two") signed the same.
        await factory.InDatabaseAsync(async db =>
        {
            var row = await db.AuditLog.SingleAsync();
            (row.Action, row.Detail) = ("read:patient\none", "two");
            return await db.SaveChangesAsync();
        });
        var result = await VerifyAsync(factory);
        Assert.Equal(1, result.BrokenAt);
    }

    [Fact]
    public async Task AChainSignedBeforeTheChange_StillVerifies_AndGoesOnWithTheNewEncoding()
    {
        await using var factory = new IlioCareFactory();
        var key = Convert.FromBase64String(factory.AuditKey);
        // A database from before: two rows signed the old way (fields joined by line breaks), no checkpoint.
        await SqlAsync(factory, """DELETE FROM "AuditHead" """);
        var at = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        await factory.InDatabaseAsync(async db =>
        {
            var previous = "";
            for (var sequence = 1; sequence <= 2; sequence++)
            {
                var entry = new AuditEntry { Sequence = sequence, AtUtc = at, Actor = "actor", Subject = null, Action = "read:caseload", Detail = "old " + sequence, Mac = "" };
                var text = string.Join('\n', sequence.ToString(CultureInfo.InvariantCulture), at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                    entry.Actor, "", entry.Action, entry.Detail, previous);
                entry.Mac = previous = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
                db.AuditLog.Add(entry);
            }
            return await db.SaveChangesAsync();
        });
        await factory.InDatabaseAsync(async db => { await factory.Services.GetRequiredService<AuditTrail>().EnsureHeadAsync(db, default); return 0; }); // as a start does
        await AppendAsync(factory, 2);

        var result = await VerifyAsync(factory);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(4, result.RowsChecked);
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.AuditHeads.Select(h => h.EncodingFrom).SingleAsync()));
    }

    private static Task<int> SqlAsync(IlioCareFactory factory, string sql) =>
        factory.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static async Task AppendAsync(IlioCareFactory factory, int count)
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

    private static Task<AuditVerification> VerifyAsync(IlioCareFactory factory) =>
        factory.InDatabaseAsync(db => factory.Services.GetRequiredService<AuditTrail>().VerifyAsync(db, default));
}
