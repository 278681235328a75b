using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// SPEC §4 (clarified 2026-12-03): "A morning's phase review sees the doses that the same morning's review sets, so the
/// program page, the plan and the hop-test question agree on the same day" (H101).
/// </summary>
public sealed class SameDayDoseTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task LastExerciseReachesLight_ProgramPagePlanAndHopTest_AgreeTheSameDay()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "same-day-light@example.com"); // restore from today (day 0)
        var start = Today(factory);
        // Two exercises already at light; seated marching at the top of "no resistance", one calm step from light.
        await factory.InDatabaseAsync(db =>
        {
            foreach (var (exercise, dose) in new[]
            {
                (ExerciseId.StraightLegRaise, new Dose(2, 15, Resistance.Light)), (ExerciseId.StandingBandHipFlexion, new Dose(2, 15, Resistance.Light)),
                (ExerciseId.SeatedMarching, new Dose(3, 20, Resistance.None)),
            })
            {
                db.Doses.Add(new DoseRecord { AccountId = id, Exercise = exercise, EffectiveFrom = start.AddDays(-1), Sets = dose.Sets, Reps = dose.Reps,
                    Resistance = dose.Resistance, Action = ProgressionAction.Progress, Reason = "earlier", SetBy = "engine" });
            }
            return db.SaveChangesAsync();
        });

        // Days 0–6: calm check-ins; calm seated marching on days 3, 4 and 5 (three sessions at 3×20, none).
        for (var day = 0; day <= 6; day++)
        {
            if (day > 0) factory.Clock.Advance(TimeSpan.FromDays(1));
            Assert.DoesNotContain("Did it hurt?", await PageAsync(client, "/check-in"), StringComparison.Ordinal);
            await CheckInAsync(client, Answers(painNow: 1));
            if (day is >= 3 and <= 5)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/today/session/seated-marching", "exercise-log",
                    [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", "done"), F("Form.DoneCount", "120")])).StatusCode); // 3×20 on each side, all counted
            }
        }

        // Day 6, the morning seated marching reaches light: the plan, the program page and the hop test agree.
        var light = new Dose(2, 15, Resistance.Light);
        Assert.Contains("2 sets of 15", await PageAsync(client, "/today/session/seated-marching"), StringComparison.Ordinal);
        Assert.Contains("light band", await PageAsync(client, "/today/session/seated-marching"), StringComparison.Ordinal);
        var program = await PageAsync(client, "/program");
        Assert.Contains(light.ToString(), program, StringComparison.Ordinal);
        Assert.DoesNotContain("Still to reach light resistance", program, StringComparison.Ordinal);
        Assert.Contains("In your next check-in, hop 10 times on the sore leg", program, StringComparison.Ordinal);

        // Day 7: the check-in asks the hop test; pain-free hops start return that day, not a day later.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("Did it hurt?", await PageAsync(client, "/check-in"), StringComparison.Ordinal);
        await CheckInAsync(client, Answers(painNow: 1, hop: "pain-free"));
        var state = (await StatesAsync(factory, id)).Last();
        Assert.Equal((start.AddDays(7), Phase.Return, PhaseMove.Advance), (state.EffectiveOn, state.Phase, state.Move));
    }

    private static async Task<string> PageAsync(FormClient client, string url) =>
        WebUtility.HtmlDecode(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
}
