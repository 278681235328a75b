using System.Net;
using IlioCare.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// The progress page (F11) on <see cref="EightWeekHistory"/>: every series and summary with the numbers worked out by
/// hand from the story, the page's titles, summaries and tables, and only the signed-in patient's rows.
/// </summary>
public sealed class ProgressPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Progress_SignedOut_RedirectsToSignIn()
    {
        var response = await new FormClient(factory).GetAsync("/progress");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_EightWeekHistory_GivesTheExpectedSeriesAndSummaries()
    {
        var (_, accountId, today) = await SeededPatientAsync("series");
        var view = (await factory.InDatabaseAsync(db => ProgressViewHandler.LoadAsync(db, accountId, factory.Clock, default)))!;
        string Week(int n) => ProgressText.Short(today.AddDays(-EightWeekHistory.Days + 7 * n));

        // Pain and stiffness: 57 days (8 weeks and today), a gap on the days without a check-in.
        Assert.Equal(57, view.Pain.XLabels.Count);
        Assert.Equal("Pain now fell from 5 to 1 over 8 weeks, and morning pain fell from 4 to 0 over 8 weeks (averages of the first and the last days).", view.Pain.Summary);
        Assert.Equal([5, 5, 3, null, 1, 2, null], new[] { 0, 6, 7, 10, 50, 51, 56 }.Select(i => view.Pain.Series[0].Values[i]));
        Assert.Equal("Morning stiffness fell from 45 to 5 minutes over 8 weeks (averages of the first and the last days).", view.Stiffness.Summary);
        Assert.Equal(54, view.Pain.Table.Rows.Count);

        // Adherence: done of SessionPlanner's plan, today left out (worked out in EightWeekHistory's remarks).
        Assert.Equal(Enumerable.Range(0, 8).Select(Week), view.Adherence.XLabels);
        Assert.Equal([86, 81, 100, 98, 100, 100, 86, 95], view.Adherence.Values);
        Assert.Equal($"In the week of {Week(7)} you did 56 of 59 planned exercises (95 %); over all 8 weeks, 371 of 390 (95 %).", view.Adherence.Summary);

        // Sport against the cap: 0 in settle and restore, then 90 → 99 → 108 → 118 (120 went over it), next 129.
        Assert.Equal([0, 0, 0, 0, 90, 99, 108, 120], view.Sport.Values);
        Assert.Equal([0, 0, 0, 0, 90, 99, 108, 118], view.Sport.Caps!);
        Assert.Equal([null, null, null, null, null, 99, 108, 118], view.Sport.TenPercent!);
        Assert.Equal($"In the week of {Week(7)} you did 120 minutes of sport, over the limit of 118; this week's limit is 129 minutes, " +
            "and your load this week compared with the last four is 1.15 (just right: 0.8 to 1.3).", view.Sport.Summary);
        Assert.Contains(view.Sport.Notes, n => n.Text.StartsWith("Last week's 120 minutes went past its cap of 118", StringComparison.Ordinal));
        Assert.Contains(view.Sport.Notes, n => n.Text.StartsWith("Sport rose 11.1% on the week before", StringComparison.Ordinal));
        Assert.Equal("1.15 (just right: 0.8 to 1.3)", view.Sport.Table.Rows[7][4]);

        // Doses as ladder steps.
        var doses = view.Doses.ToDictionary(d => d.Name);
        Assert.Equal("Straight leg raise went from 2 sets of 15, no band to 2 sets of 20, light band over 6 weeks: 5 steps up, 0 steps down.", doses["Straight leg raise"].Summary);
        Assert.Equal("Seated marching went from 2 sets of 15, no band to 2 sets of 15, light band over 6 weeks: 5 steps up, 1 step down.", doses["Seated marching"].Summary);
        Assert.Equal("Lying hip rotation went from 10 each side to 15 each side over 8 weeks: 2 steps up, 0 steps down.", doses["Lying hip rotation"].Summary);
        Assert.Equal("Butterfly stretch went from 3 holds of 20 seconds to 3 holds of 25 seconds over 8 weeks: 1 step up, 0 steps down.", doses["Butterfly stretch"].Summary);
        Assert.Equal("Side kick stayed at 10 each side over 6 weeks.", doses["Side kick"].Summary);
        Assert.Equal([null, 0, 1, 2, 1, 4], new[] { 13, 14, 17, 20, 25, 56 }.Select(i => doses["Seated marching"].Values[i]));
        Assert.Equal(["2 sets of 15, no band", "2 sets of 20, no band", "3 sets of 15, no band", "3 sets of 20, no band", "2 sets of 15, light band"], doses["Seated marching"].Levels.Take(5));
        Assert.Equal(7, doses["Seated marching"].Table.Rows.Count);

        // The pain calendar: 9 whole weeks from day 0's Monday; the day after Tuesday's sport shows yesterday's load and the response.
        Assert.Equal(63, view.HeatMap.Cells.Count);
        Assert.Equal("On the 12 days after a day with sport your pain now averaged 2.8, on the 42 days after a day without it 2.5; " +
            "next-morning pain rose on 12 of 51 days.", view.HeatMap.Summary);
        var tuesday = view.HeatMap.Cells[50]!;   // week 7: 1 pain, 40 minutes of sport that day, next morning 1 worse
        var wednesday = view.HeatMap.Cells[51]!;
        Assert.Equal((1, 8, 0, 1), (tuesday.PainNow!.Value, tuesday.ExercisesBefore!.Value, tuesday.SportBefore!.Value, tuesday.Response!.Value));
        Assert.Equal((2, 9, 40, -1), (wednesday.PainNow!.Value, wednesday.ExercisesBefore!.Value, wednesday.SportBefore!.Value, wednesday.Response!.Value));
        Assert.Null(view.HeatMap.Cells[42]!.PainNow);  // no check-in that day
        Assert.Null(view.HeatMap.Cells[57]);           // after today
    }

    [Fact]
    public async Task Progress_Page_RendersEveryChartWithTitleSummaryAndTable_AndTheFunctionalScaleAfterNamingAndRating()
    {
        var (client, accountId, today) = await SeededPatientAsync("page");
        var named = await client.PostFormAsync("/progress", "psfs-activities",
            EightWeekHistory.Activities.Select((a, i) => F($"Names.Activity{i + 1}", a)));
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        await factory.InDatabaseAsync(async db => { await EightWeekHistory.SeedPastScoresAsync(db, accountId, today); return 0; });
        var rated = await client.PostFormAsync("/progress", "psfs-ratings", [F("Scores.Score1", "8"), F("Scores.Score2", "6"), F("Scores.Score3", "8")]);
        Assert.StartsWith("/progress?saved=1", PathOf(rated), StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/progress")).Content.ReadAsStringAsync());
        string[] titles = ["Pain each day", "Morning stiffness each day", "Exercises done of those planned, by week", "Sport minutes by week, against the limit",
            "Straight leg raise: how much, over time", "Seated marching: how much, over time", "Standing band hip flexion: how much, over time", "Lying hip rotation: how much, over time",
            "Your three activities, week by week"];
        foreach (var title in titles)
        {
            Assert.Matches($"<title id=\"[^\"]+-title\">{title}</title>", html);
            Assert.Contains($"<summary>{title}: the numbers as a table</summary>", html, StringComparison.Ordinal);
        }
        Assert.Contains("<summary>Pain calendar of the last 8 weeks: the numbers as a table</summary>", html, StringComparison.Ordinal);
        Assert.Equal(titles.Length + 2 + 1, Count(html, "<table>")); // + butterfly and side kick, + the calendar
        Assert.Equal(Count(html, "<svg viewBox=\"0 0 340"), Count(html, "role=\"img\" aria-labelledby=") - 1); // every chart svg, and the calendar grid
        Assert.Contains("Pain now fell from 5 to 1 over 8 weeks", html, StringComparison.Ordinal);
        Assert.Contains("next-morning pain rose on 12 of 51 days", html, StringComparison.Ordinal);
        Assert.Contains("Your average score rose from 2.3 to 7.3 out of 10 over 8 weeks (10 = as before the injury).", html, StringComparison.Ordinal);
        Assert.Contains("This week's scores are saved.", WebUtility.HtmlDecode(await (await client.GetAsync("/progress?saved=1")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Named once: the naming form is gone, the names are labels of this week's scores, prefilled.
        Assert.DoesNotContain("Save my three activities", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"score2\">Climb two flights of stairs</label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Scores.Score2\" value=\"6\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionalScale_BadInput_NamesEveryField_AndStoresNothing_ThenNamedOnce_RatedOncePerWeek_RestartedOnlyWhenConfirmed()
    {
        var client = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, client, "psfs@example.com");
        var bad = await client.PostFormAsync("/progress", "psfs-activities",
            [F("Names.Activity1", "Stairs"), F("Names.Activity2", "  "), F("Names.Activity3", "stairs")]);
        var page = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Please fix these 2 problems", page, StringComparison.Ordinal);
        Assert.Contains("Name activity 2", page, StringComparison.Ordinal);
        Assert.Contains("Name a different activity from the ones above.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Stairs\"", page, StringComparison.Ordinal);
        var tooLong = await client.PostFormAsync("/progress", "psfs-activities",
            [F("Names.Activity1", new string('a', 81)), F("Names.Activity2", "b"), F("Names.Activity3", "c")]);
        Assert.Contains("Keep it to 80 characters or fewer (now 81).", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.FunctionalScaleActivities.CountAsync(a => a.AccountId == accountId)));

        await client.PostFormAsync("/progress", "psfs-activities", [F("Names.Activity1", "Run"), F("Names.Activity2", "Stairs"), F("Names.Activity3", "Sitting")]);
        // Read-only once named: a second naming post changes nothing.
        await client.PostFormAsync("/progress", "psfs-activities", [F("Names.Activity1", "X"), F("Names.Activity2", "Y"), F("Names.Activity3", "Z")]);
        Assert.Equal(["Run", "Stairs", "Sitting"], await factory.InDatabaseAsync(db =>
            db.FunctionalScaleActivities.Where(a => a.AccountId == accountId).OrderBy(a => a.Position).Select(a => a.Name).ToListAsync()));

        var badScores = await client.PostFormAsync("/progress", "psfs-ratings", [F("Scores.Score1", "11"), F("Scores.Score2", "x"), F("Scores.Score3", "")]);
        var scoresPage = WebUtility.HtmlDecode(await badScores.Content.ReadAsStringAsync());
        Assert.Contains("Please fix these 3 problems", scoresPage, StringComparison.Ordinal);
        Assert.Contains("Score “Stairs” with a whole number from 0", scoresPage, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.FunctionalScaleRatings.CountAsync(r => r.AccountId == accountId)));

        await client.PostFormAsync("/progress", "psfs-ratings", [F("Scores.Score1", "3"), F("Scores.Score2", "4"), F("Scores.Score3", "5")]);
        await client.PostFormAsync("/progress", "psfs-ratings", [F("Scores.Score1", "6"), F("Scores.Score2", "4"), F("Scores.Score3", "5")]);
        var ratings = await factory.InDatabaseAsync(db => db.FunctionalScaleRatings.Where(r => r.AccountId == accountId).OrderBy(r => r.Position).ToListAsync());
        Assert.Equal([6, 4, 5], ratings.Select(r => r.Score));
        Assert.Single(ratings.Select(r => r.WeekStart).Distinct());
        Assert.Equal(DayOfWeek.Monday, ratings[0].WeekStart.DayOfWeek);

        var unconfirmed = await client.PostFormAsync("/progress", "psfs-restart", []);
        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.FunctionalScaleRatings.CountAsync(r => r.AccountId == accountId)));
        await client.PostFormAsync("/progress", "psfs-restart", [F("Restart.Confirm", "true")]);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.FunctionalScaleActivities.CountAsync(a => a.AccountId == accountId)));
        Assert.Contains("Save my three activities", await (await client.GetAsync("/progress")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_AnotherPatientsDataNeverAppears_AndTheirPostsTouchOnlyTheirRows()
    {
        var (mine, myId, _) = await SeededPatientAsync("own", functionalScale: true);
        var other = new FormClient(factory);
        var otherId = await CheckInPatients.OnboardAsync(factory, other, "progress-other@example.com");
        await other.PostFormAsync("/progress", "psfs-activities", [F("Names.Activity1", "Kick a football"), F("Names.Activity2", "Cycle"), F("Names.Activity3", "Garden")]);
        await other.PostFormAsync("/progress", "psfs-ratings", [F("Scores.Score1", "1"), F("Scores.Score2", "1"), F("Scores.Score3", "1")]);
        await other.PostFormAsync("/progress", "psfs-restart", [F("Restart.Confirm", "true")]);

        var theirs = WebUtility.HtmlDecode(await (await other.GetAsync("/progress")).Content.ReadAsStringAsync());
        foreach (var mark in EightWeekHistory.Activities.Append("Pain now fell").Append("Straight leg raise went").Append("120 minutes"))
            Assert.DoesNotContain(mark, theirs, StringComparison.Ordinal);
        Assert.Contains("No check-ins in these 8 weeks yet.", theirs, StringComparison.Ordinal);
        var my = WebUtility.HtmlDecode(await (await mine.GetAsync("/progress")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Kick a football", my, StringComparison.Ordinal);
        Assert.Contains("Sit through a film", my, StringComparison.Ordinal);
        Assert.Equal(24, await factory.InDatabaseAsync(db => db.FunctionalScaleRatings.CountAsync(r => r.AccountId == myId)));
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.FunctionalScaleActivities.CountAsync(a => a.AccountId == myId)));
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.FunctionalScaleActivities.CountAsync(a => a.AccountId == otherId)));
    }

    private async Task<(FormClient Client, string AccountId, DateOnly Today)> SeededPatientAsync(string name, bool functionalScale = false)
    {
        EightWeekHistory.MoveToMonday(factory.Clock);
        var client = new FormClient(factory);
        var accountId = await CheckInPatients.OnboardAsync(factory, client, $"progress-{name}@example.com");
        var today = EightWeekHistory.Today(factory.Clock);
        await factory.InDatabaseAsync(async db => { await EightWeekHistory.SeedAsync(db, accountId, today, functionalScale); return 0; });
        return (client, accountId, today);
    }

    private static int Count(string html, string what) => (html.Length - html.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
