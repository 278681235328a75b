using System.Text.Json;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 17: the check-in's morning review reads a bounded window (<see cref="PatientHistory.LoadForReviewAsync"/>,
/// derived in <see cref="ReviewWindow"/>). On seeded random histories of a few days to 5 years — some with long gaps
/// without check-ins or without sessions of an exercise, so the "3 check-ins before" and "3 latest sessions" reach far
/// back — the windowed review of each of the last 20 days decides exactly as the whole-history review: the phase move
/// and its reason, every dose and its reason, the hop-test question.
/// </summary>
public sealed class ReviewWindowTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const int DaysReviewed = 20;

    public static TheoryData<int, int> Histories => new()
    {
        { 1, 5 }, { 2, 40 }, { 3, 200 }, { 4, 400 }, { 5, 900 }, { 6, 1300 }, { 7, 5 * 365 }, { 8, 5 * 365 },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task MorningReview_WindowedHistory_DecidesAsTheWholeHistory(int seed, int length)
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 1700 + seed, today, length));
        await factory.InDatabaseAsync(db => CutGapsAsync(db, accountId, today, new Random(seed)));
        var whole = (await factory.InDatabaseAsync(db => PatientHistory.LoadAsync(db, accountId, default)))!;
        var firstDay = today.AddDays(1 - DaysReviewed);
        var window = (await factory.InDatabaseAsync(db => PatientHistory.LoadForReviewAsync(db, accountId, _ => firstDay, default)))!;

        var reviewed = 0;
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            var expected = whole.RequestFor(day) is { } request ? Review(request) : null;
            var actual = window.RequestFor(day) is { } bounded ? Review(bounded) : null;
            Assert.Equal(expected, actual);
            if (day > firstDay) Assert.Equal(HopTest(whole, day), HopTest(window, day));
            if (expected is not null) reviewed++;
        }
        Assert.True(reviewed > 0, "no day had a program to review");
        // The window is the point: at years of history it reads a small part of the check-ins.
        if (length >= 400) Assert.True(window.CheckIns.Count < 60, $"{window.CheckIns.Count} check-ins read for the review");
    }

    [Fact]
    public async Task MorningReview_DayBeforeTheWindow_Refused()
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 1799, today, 60));
        var window = (await factory.InDatabaseAsync(db => PatientHistory.LoadForReviewAsync(db, accountId, _ => today, default)))!;
        Assert.NotNull(window.RequestFor(today));
        Assert.Throws<InvalidOperationException>(() => window.RequestFor(today.AddDays(-1)));
        Assert.Throws<InvalidOperationException>(() => window.AskHopTest(today));
    }

    /// <summary>
    /// H335 (issue 17): the check-in post reads the history once, in its transaction, before it writes today's check-in,
    /// and reviews from that read with the saved row put in (<see cref="PatientHistory.WithCheckIn"/>). That review must
    /// decide as a fresh read after the write does — for a new check-in and for a changed one (a painful day with sport,
    /// so the flare rules and the sport days both see the change).
    /// </summary>
    [Theory]
    [InlineData(21, 3, false)]
    [InlineData(22, 60, true)]
    [InlineData(23, 400, true)]
    [InlineData(24, 5 * 365, false)]
    public async Task CheckInPost_ReviewFromTheOneRead_DecidesAsAFreshRead(int seed, int length, bool replaceToday)
    {
        var today = PatientToday.Date(factory.Clock, "UTC");
        var accountId = await factory.InDatabaseAsync(db => RandomHistory.SeedAsync(db, 1700 + seed, today, length));
        if (!replaceToday)
            await factory.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId && c.Date == today).ExecuteDeleteAsync());
        var read = (await factory.InDatabaseAsync(db => PatientHistory.LoadForReviewAsync(db, accountId, _ => today.AddDays(-2), default)))!;
        var saved = await factory.InDatabaseAsync(async db =>
        {
            var record = await db.CheckIns.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Date == today)
                ?? db.CheckIns.Add(new IlioCare.Data.CheckInRecord { AccountId = accountId, Date = today, CreatedAtUtc = DateTime.UtcNow }).Entity;
            (record.PainMorning, record.StiffnessMinutes, record.PainNow) = (7, 45, 8);
            record.SportMinutes = new Dictionary<IlioCare.Clinical.Assessment.Activity, int> { [IlioCare.Clinical.Assessment.Activity.Running] = 40 };
            record.UpdatedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return record;
        });
        var fresh = (await factory.InDatabaseAsync(db => PatientHistory.LoadForReviewAsync(db, accountId, _ => today, default)))!;

        var expected = fresh.RequestFor(today) is { } request ? Review(request) : null;
        var actual = read.WithCheckIn(saved).RequestFor(today) is { } fromOneRead ? Review(fromOneRead) : null;
        Assert.NotNull(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(fresh.SportDays, read.WithCheckIn(saved).SportDays);
    }

    /// <summary>
    /// Gaps the dense random history lacks: a stretch without any check-in ending inside or just before the window (so
    /// the 3 check-ins before it are older than the window), and an exercise not done for a long time (so its 3 latest
    /// sessions lie far before the window).
    /// </summary>
    private static async Task<int> CutGapsAsync(IlioCare.Data.IlioCareDbContext db, string accountId, DateOnly today, Random random)
    {
        var gapEnd = today.AddDays(-random.Next(0, DaysReviewed + 15));
        var gapStart = gapEnd.AddDays(-random.Next(1, 300));
        var cut = await db.CheckIns.Where(c => c.AccountId == accountId && c.Date >= gapStart && c.Date <= gapEnd).ExecuteDeleteAsync();
        var idle = ExerciseCatalogue.All.Where(e => e.Kind is ExerciseKind.Strength or ExerciseKind.Stretch).ToArray();
        foreach (var exercise in idle.Where(_ => random.Next(3) == 0))
        {
            var since = today.AddDays(-random.Next(5, 500));
            cut += await db.ExerciseLogs.Where(l => l.AccountId == accountId && l.Exercise == exercise.Id && l.Date >= since).ExecuteDeleteAsync();
        }
        return cut;
    }

    /// <summary>
    /// The review's decisions as text; the random history now and then holds a dose off the ladder (a hand-edited row),
    /// which the engine refuses: then the refusal is the answer both reads must agree on.
    /// </summary>
    private static string Review(MorningReviewRequest request)
    {
        try { return JsonSerializer.Serialize(MorningReview.Run(request)); }
        catch (ArgumentException e) { return $"refused: {e.Message}"; }
    }

    private static string HopTest(PatientHistory history, DateOnly day)
    {
        try { return history.AskHopTest(day).ToString(); }
        catch (ArgumentException e) { return $"refused: {e.Message}"; }
    }
}
