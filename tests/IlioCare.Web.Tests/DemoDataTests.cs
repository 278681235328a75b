using System.Net;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Web.Features.Demo;
using IlioCare.Web.Features.Program;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>The app with <c>Demo:Seed=true</c>, as <c>dotnet run -- --Demo:Seed=true</c> starts it.</summary>
public sealed class DemoSeedFactory : IlioCareFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(DemoData.SettingKey, "true");
    }
}

/// <summary>Demo data: on request only, once, and decided by the clinical engine (issue 3).</summary>
public sealed class DemoDataTests(DemoSeedFactory demo, IlioCareFactory plain) : IClassFixture<DemoSeedFactory>, IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task DemoSeed_IsOffByDefault()
    {
        _ = plain.Server; // start the app
        Assert.False(await plain.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == DemoStory.Email)));
    }

    [Fact]
    public async Task DemoSeed_On_CreatesThePatient_WhoCanSignInAndSeeTheProgram()
    {
        var client = new FormClient(demo);
        var signIn = await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", DemoStory.Email), F("Form.Password", DemoStory.Password)]);
        Assert.Equal("/today", PathOf(signIn));
        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/program")).Content.ReadAsStringAsync());
        Assert.Contains("Your phase now: Restore", html, StringComparison.Ordinal);
        Assert.Contains("Moved to restore: 3 days in a row", html, StringComparison.Ordinal);
        Assert.Contains("Your program starts in settle", html, StringComparison.Ordinal);
        Assert.Contains("So far:", html, StringComparison.Ordinal);
        Assert.Equal(DemoStory.Days.Count, await demo.InDatabaseAsync(db => db.CheckIns.CountAsync()));
    }

    [Fact]
    public async Task DemoSeed_TwiceChangesNothing()
    {
        _ = demo.Server;
        async Task<int[]> Counts() => await demo.InDatabaseAsync(async db => new[]
        {
            await db.Users.CountAsync(), await db.CheckIns.CountAsync(), await db.ExerciseLogs.CountAsync(),
            await db.Doses.CountAsync(), await db.ProgramStates.CountAsync(), await db.Assessments.CountAsync(),
        });
        var before = await Counts();
        await DemoData.SeedAsync(demo.Services);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task DemoSeed_ObeysTheEngine_NoDoseRisesAfterAStop_AndDosesDoProgress()
    {
        _ = demo.Server;
        var (logs, doses, states) = await demo.InDatabaseAsync(async db =>
            (await db.ExerciseLogs.ToListAsync(), await db.Doses.ToListAsync(), await db.ProgramStates.ToListAsync()));

        var stops = logs.Where(l => l.StoppedForPain).ToArray();
        Assert.NotEmpty(stops);
        foreach (var stop in stops)
        {
            var next = Assert.Single(doses, d => d.Exercise == stop.Exercise && d.EffectiveFrom == stop.Date.AddDays(1));
            Assert.Equal(ProgressionAction.Stop, next.Action);
            Assert.True(Ladder.IndexOf(next.StrengthDose()!.Value) < Ladder.IndexOf(new Dose(stop.Sets!.Value, stop.Reps!.Value, stop.Resistance!.Value)));
        }
        Assert.Contains(doses, d => d.Action == ProgressionAction.Progress);
        // Every session was done at the dose the engine had set for that day.
        foreach (var log in logs.Where(l => l.Sets is not null))
        {
            var inForce = doses.Where(d => d.Exercise == log.Exercise && d.EffectiveFrom <= log.Date).MaxBy(d => d.EffectiveFrom)!;
            Assert.Equal((inForce.Sets, inForce.Reps, inForce.Resistance), (log.Sets, log.Reps, log.Resistance));
        }
        Assert.Equal([Phase.Settle, Phase.Restore], states.OrderBy(s => s.EffectiveOn).Select(s => s.Phase));
        Assert.All(logs.Where(l => l.Sets is not null), l => Assert.True(l.Date > states.Single(s => s.Phase == Phase.Restore).EffectiveOn.AddDays(-1),
            "no strengthening in settle"));
    }
}
