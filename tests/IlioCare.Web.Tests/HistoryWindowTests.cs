using System.Text.Json;
using IlioCare.Clinical.Catalogue;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Progress;
using IlioCare.Web.Features.Today;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 7: the progress page reads a window of the history (<see cref="PatientHistory.LoadSinceAsync"/>) and Today the
/// doses in force by one seek per exercise (<see cref="PatientProgram.DosesInForceAsync"/>). On seeded random histories
/// of a few days to three years, both must give exactly what the whole history gives: every chart, table and summary
/// of the progress page, the sport cap and warnings, and each exercise's dose on any day. A window never feeds the
/// morning review (H73).
/// </summary>
public sealed class HistoryWindowTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ProgressWindow_RandomHistory_SameViewAndSportLoadAsTheWholeHistory(int seed)
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, seed, today));
        var whole = (await factory.InDatabaseAsync(db => PatientHistory.LoadAsync(db, accountId, default)))!;
        var window = (await factory.InDatabaseAsync(db => PatientHistory.LoadSinceAsync(db, accountId,
            _ => today.AddDays(-ProgressViewHandler.WindowDays - 1), default)))!;

        Assert.Equal(Of(ProgressViewHandler.Build(whole, [], [], today)), Of(ProgressViewHandler.Build(window, [], [], today)));
        Assert.Equal(Of(SportLoad.For(whole, today)), Of(SportLoad.For(window, today)));
        var todayOnly = (await factory.InDatabaseAsync(db => PatientHistory.LoadSinceAsync(db, accountId, _ => today, default)))!; // GET /api/v1/me/today
        Assert.Equal(Of(SportLoad.For(whole, today)), Of(SportLoad.For(todayOnly, today)));
        Assert.True(window.Logs.Count <= whole.Logs.Count && window.CheckIns.All(c => c.Date >= today.AddDays(-ProgressViewHandler.WindowDays - 1)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task DosesInForce_RandomHistory_TheLatestOfEachExerciseOnAnyDay(int seed)
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 100 + seed, today));
        var whole = (await factory.InDatabaseAsync(db => PatientHistory.LoadAsync(db, accountId, default)))!;
        var random = new Random(seed);
        foreach (var day in Enumerable.Range(0, 6).Select(_ => today.AddDays(-random.Next(0, 1300))).Append(today))
        {
            var expected = whole.Doses.Where(d => d.EffectiveFrom <= day).GroupBy(d => d.Exercise).ToDictionary(g => g.Key, g => g.Last().Id);
            var actual = await factory.InDatabaseAsync(db => PatientProgram.DosesInForceAsync(db, accountId, day, default));
            Assert.Equal(expected.OrderBy(p => p.Key), actual.ToDictionary(p => p.Key, p => p.Value.Id).OrderBy(p => p.Key));
        }
    }

    [Fact]
    public async Task MorningReview_WindowedHistory_Refused()
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 7, today));
        var window = (await factory.InDatabaseAsync(db => PatientHistory.LoadSinceAsync(db, accountId, _ => today.AddDays(-57), default)))!;
        Assert.Throws<InvalidOperationException>(() => window.RequestFor(today));
        Assert.Throws<InvalidOperationException>(() => window.AskHopTest(today));
    }

    private static string Of<T>(T value) => JsonSerializer.Serialize(value, Json);
}

/// <summary>Issue 7: the progress page's reads of logs and doses do not grow with the years of history.</summary>
public sealed class ProgressRowsReadTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    /// <summary>Rows each query returned, by whether it read the logs or the dose records (the two biggest tables).</summary>
    private sealed class RowCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int LogAndDoseRows;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> DataReaderClosingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderClosingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            if (command.CommandText.Contains("\"ExerciseLogs\"", StringComparison.Ordinal) || command.CommandText.Contains("\"Doses\"", StringComparison.Ordinal))
                LogAndDoseRows += eventData.ReadCount;
            return base.DataReaderClosingAsync(command, eventData, result);
        }
    }

    private async Task<int> RowsForProgressAsync(string accountId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<IlioCare.Data.IlioCareDbContext>>();
        var counter = new RowCounter();
        await using var db = new IlioCare.Data.IlioCareDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<IlioCare.Data.IlioCareDbContext>(options)
            .AddInterceptors(counter).Options);
        Assert.NotNull(await ProgressViewHandler.LoadAsync(db, accountId, factory.Clock, default));
        return counter.LogAndDoseRows;
    }

    [Fact]
    public async Task Progress_ThreeYearsOfHistory_ReadsNoMoreLogsAndDosesThanTheEightWeeks()
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var year3 = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 31, today, length: 3 * 365));
        var rows = await RowsForProgressAsync(year3);

        // 58 days of logs and dose records (about a third of the 10 exercises a day each) plus one dose in force per
        // exercise: a few hundred rows, where the whole history is thousands.
        var bound = (ProgressViewHandler.WindowDays + 2) * ExerciseCatalogue.All.Count * 2 + ExerciseCatalogue.All.Count;
        Assert.True(rows <= bound, $"{rows} log and dose rows read for the progress page (bound {bound})");
    }
}
