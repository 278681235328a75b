using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

public sealed class CheckInHopTestTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task HopTest_IsAskedOnlyAfterTheReviewAskedForIt_IsRequiredThen_AndAPainFreeOneMovesToReturn()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "hop@example.com"); // restore from today
        var start = Today(factory);
        // Every strengthening exercise at light resistance, as a clinician might set it.
        await factory.InDatabaseAsync(db =>
        {
            foreach (var exercise in ExerciseCatalogue.Strengthening)
                db.Doses.Add(new DoseRecord { AccountId = id, Exercise = exercise, EffectiveFrom = start, Sets = 2, Reps = 15,
                    Resistance = Resistance.Light, Action = ProgressionAction.Hold, Reason = "set by hand", SetBy = "clinician" });
            return db.SaveChangesAsync();
        });

        for (var day = 0; day < 7; day++)
        {
            if (day > 0) factory.Clock.Advance(TimeSpan.FromDays(1));
            var page = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Did it hurt?", page, StringComparison.Ordinal);
            await CheckInAsync(client, Answers(painNow: 1));
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("Did it hurt?", await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await CheckInAsync(client, Answers(painNow: 1));
        Assert.Contains("id=\"hopTest-error\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(7, (await CheckInsAsync(factory, id)).Count);

        await CheckInAsync(client, Answers(painNow: 1, hop: "pain-free"));
        var state = (await StatesAsync(factory, id)).Last();
        Assert.Equal((Phase.Return, PhaseMove.Advance), (state.Phase, state.Move));
        Assert.Contains("This week's sport cap: 90 minutes", System.Net.WebUtility.HtmlDecode(
            await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
