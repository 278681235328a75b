using System.Diagnostics;
using IlioCare.Data;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Hazard H69 (issue 7): a write that has to wait for another queues without holding a thread. On SQLite the
/// second write's <c>BEGIN IMMEDIATE</c> used to block its caller inside SQLite's busy handler until the first
/// committed (or the busy timeout ran out) — under load the check-in post starved the thread pool. Both providers.
/// </summary>
public sealed class WriteQueueTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task ASecondWrite_WhileTheFirstHoldsItsTransaction_ReturnsAtOnce_AndRunsAfterIt()
    {
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();

        var firstWrite = firstDb.InTransactionAsync(async _ =>
        {
            holding.SetResult();
            await release.Task;
            lock (order) order.Add("first");
        });
        await holding.Task;
        var clock = Stopwatch.StartNew();
        var secondWrite = secondDb.InTransactionAsync(_ =>
        {
            lock (order) order.Add("second");
            return Task.CompletedTask;
        });
        var callTook = clock.Elapsed;
        release.SetResult();
        await Task.WhenAll(firstWrite, secondWrite);

        Assert.True(callTook < TimeSpan.FromSeconds(1), $"the second write held its caller for {callTook.TotalMilliseconds:F0} ms");
        // SQLite has one writer, so the gate runs the second after the first. PostgreSQL writes rows side by side
        // (no gate): there only "the caller was not held" is promised, and both writes must have run.
        if (IlioCareFactory.Provider == "postgres") Assert.Equal(["first", "second"], order.Order());
        else Assert.Equal(["first", "second"], order);
    }
}
