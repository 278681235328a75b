using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// The audit chain stays whole when two app instances append at once (SPEC §8 several instances; F15):
/// every sequence number once, every row chained to the one before.
/// </summary>
public sealed class AuditChainTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{

    [Fact]
    public async Task TwoInstancesAppendingAtOnce_LeaveOneUnbrokenChain()
    {
        const int perWriter = 25;
        async Task WriteAsync(IlioCareFactory instance, string actor)
        {
            for (var i = 0; i < perWriter; i++)
            {
                await using var scope = instance.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
                var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
                await audit.RecordAsync(db, actor, "patient-" + i, AuditAction.ReadPatient, $"{actor} #{i}", DateTime.UtcNow, CancellationToken.None);
            }
        }

        // Two writers per instance: the in-process lock and the database's serialisation both get exercised.
        _ = factory.Server; // the first instance migrates
        await using var second = factory.AnotherInstance();
        _ = second.Server;
        await Task.WhenAll(WriteAsync(factory, "a"), WriteAsync(factory, "b"), WriteAsync(second, "c"), WriteAsync(second, "d"));

        var (rows, verification) = await factory.InDatabaseAsync(async db =>
        {
            var audit = factory.Services.GetRequiredService<AuditTrail>();
            return (await db.AuditLog.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(), await audit.VerifyAsync(db, default));
        });
        Assert.Equal(Enumerable.Range(1, 4 * perWriter).Select(i => (long)i), rows);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(4 * perWriter, verification.RowsChecked);
    }

    [Fact]
    public async Task Pseudonyms_AreStable_AndDoNotContainTheAccountId()
    {
        await using var second = factory.AnotherInstance();
        var audit = factory.Services.GetRequiredService<AuditTrail>();
        var again = second.Services.GetRequiredService<AuditTrail>();
        var id = Guid.NewGuid().ToString();
        Assert.Equal(audit.Pseudonym(id), again.Pseudonym(id));
        Assert.NotEqual(audit.Pseudonym(id), audit.Pseudonym(Guid.NewGuid().ToString()));
        Assert.DoesNotContain(id, audit.Pseudonym(id), StringComparison.Ordinal);
    }
}
