using System.Net;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class CheckInTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task CheckIn_BadInput_NamesEveryField_AndStoresNothing()
    {
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "bad-check-in@example.com");
        var response = await CheckInAsync(client,
            [F("Form.PainMorning", "x"), F("Form.StiffnessMinutes", ""), F("Form.PainNow", "11"), F("Form.Sport[running]", "lots")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "painMorning", "stiffnessMinutes", "painNow", "warningSigns", "sport-running" })
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Empty(await CheckInsAsync(factory, id));

        // A sign and "None of these" together is a contradiction, not an answer.
        response = await CheckInAsync(client, [.. Answers(), F("Form.WarningSigns", "fever")]);
        Assert.Contains("id=\"warningSigns-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CheckInsAsync(factory, id));
    }

    [Fact]
    public async Task CheckIn_IsEditableUntilTheDayEnds_ThenKeptAsItWas()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "editable@example.com");
        var day1 = Today(factory);

        Assert.Equal("/check-in?saved=1", PathOf(await CheckInAsync(client, Answers(painMorning: 2, painNow: 2, running: 20))));
        var page = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Form.PainMorning\" value=\"2\" checked", page, StringComparison.Ordinal); // the tapped scale (PainScale)
        Assert.Contains("name=\"Form.Sport[running]\" value=\"20\"", page, StringComparison.Ordinal);
        Assert.Contains("Update my check-in", page, StringComparison.Ordinal);

        // The same day: an edit replaces the answers, still one row.
        await CheckInAsync(client, Answers(painMorning: 3, painNow: 1, running: 30));
        var saved = Assert.Single(await CheckInsAsync(factory, id));
        Assert.Equal((day1, 3, 30), (saved.Date, saved.PainMorning, saved.TotalSportMinutes));

        // The next day the page is a new check-in; posting it leaves yesterday's untouched.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        page = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Contains("Save my check-in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.PainMorning\" value=\"3\" checked", page, StringComparison.Ordinal);
        await CheckInAsync(client, Answers(painMorning: 5, painNow: 2));
        var both = await CheckInsAsync(factory, id);
        Assert.Equal(2, both.Count);
        Assert.Equal((day1, 3), (both[0].Date, both[0].PainMorning));
        Assert.Equal((day1.AddDays(1), 5), (both[1].Date, both[1].PainMorning));
    }

    [Fact]
    public async Task CheckIn_OnlyEverReadsAndWritesTheSignedInPatientsOwnRows()
    {
        MoveToMorning(factory);
        var alice = new FormClient(factory);
        var aliceId = await OnboardAsync(factory, alice, "alice-checkin@example.com");
        await CheckInAsync(alice, Answers(painMorning: 7, painNow: 1, running: 45));
        var bob = new FormClient(factory);
        var bobId = await OnboardAsync(factory, bob, "bob-checkin@example.com");

        var page = await (await bob.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Contains("Save my check-in", page, StringComparison.Ordinal); // Bob sees no check-in of today
        Assert.DoesNotContain("value=\"45\"", page, StringComparison.Ordinal);
        await CheckInAsync(bob, Answers(painMorning: 1, painNow: 0));

        var aliceRow = Assert.Single(await CheckInsAsync(factory, aliceId));
        Assert.Equal(7, aliceRow.PainMorning);
        Assert.Equal(1, Assert.Single(await CheckInsAsync(factory, bobId)).PainMorning);
        // Signed out: no check-in page at all.
        var anonymous = await new FormClient(factory).GetAsync("/check-in");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task Flare_MarksTheCheckIn_StepsBack_AndAnEditTakesItBack()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "flare@example.com"); // restore
        var today = Today(factory);
        await CheckInAsync(client, Answers(painNow: 7));
        var checkIn = Assert.Single(await CheckInsAsync(factory, id));
        Assert.True(checkIn.Flare);
        var state = (await StatesAsync(factory, id)).Single(s => s.EffectiveOn == today);
        Assert.Equal((Phase.Settle, PhaseMove.StepBack, "engine"), (state.Phase, state.Move, state.SetBy));

        // Edited the same day to a calm morning: no flare, and the start of the program is back in force.
        await CheckInAsync(client, Answers(painNow: 1));
        Assert.False(Assert.Single(await CheckInsAsync(factory, id)).Flare);
        var back = (await StatesAsync(factory, id)).Single(s => s.EffectiveOn == today);
        Assert.Equal(Phase.Restore, back.Phase);
    }

    [Fact]
    public async Task Review_WritesEveryExercisesDoseWithItsReason()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "doses@example.com");
        await CheckInAsync(client, Answers());
        var doses = await factory.InDatabaseAsync(db => db.Doses.Where(d => d.AccountId == id).ToListAsync());
        Assert.Equal(8, doses.Count); // 3 strengthening + 5 stretches
        Assert.All(doses, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason)));
        Assert.All(doses, d => Assert.Equal("engine", d.SetBy));
    }
}
