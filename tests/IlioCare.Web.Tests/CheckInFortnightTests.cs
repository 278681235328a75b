using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

public sealed class CheckInFortnightTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task PhaseAndDose_FollowTheEngine_OverASimulatedFortnight()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "fortnight@example.com", settle: true);
        var start = Today(factory);
        Assert.Equal(Phase.Settle, (await StatesAsync(factory, id)).Single().Phase);

        // Days 0–2 in settle: calm check-ins (pain now ≤ 3, stiffness ≤ 30). The third moves the program to restore.
        for (var day = 0; day < 3; day++)
        {
            if (day > 0) factory.Clock.Advance(TimeSpan.FromDays(1));
            await CheckInAsync(client, Answers(painMorning: 2, stiffness: 20, painNow: 2));
        }
        var restore = (await StatesAsync(factory, id)).Last();
        Assert.Equal((start.AddDays(2), Phase.Restore, PhaseMove.Advance), (restore.EffectiveOn, restore.Phase, restore.Move));

        // Days 3–13 in restore: each morning a check-in, each evening the player's log of a calm straight leg raise
        // at the dose in force (the player's UI is built in parallel, so the logs go straight into the database).
        var doses = new List<(DateOnly Day, Dose Dose, ProgressionAction Action, string Reason)>();
        for (var day = 3; day < 14; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            var today = Today(factory);
            await CheckInAsync(client, Answers(painMorning: 1, stiffness: 5, painNow: 1));
            // On the day the dose steps up, the patient edits the check-in twice: the review runs again each time.
            if (day == 6)
            {
                await CheckInAsync(client, Answers(painMorning: 1, stiffness: 0, painNow: 0));
                await CheckInAsync(client, Answers(painMorning: 1, stiffness: 5, painNow: 1));
            }
            var record = await factory.InDatabaseAsync(db => db.Doses.SingleAsync(d => d.AccountId == id && d.Exercise == ExerciseId.StraightLegRaise && d.EffectiveFrom == today));
            var dose = new Dose(record.Sets!.Value, record.Reps!.Value, record.Resistance!.Value);
            doses.Add((today, dose, record.Action, record.Reason));
            await factory.InDatabaseAsync(db =>
            {
                db.ExerciseLogs.Add(new ExerciseLogRecord { AccountId = id, Date = today, Exercise = ExerciseId.StraightLegRaise,
                    Sets = dose.Sets, Reps = dose.Reps, Resistance = dose.Resistance, Completed = true, PainBefore = 1, PainDuring = 1 });
                return db.SaveChangesAsync();
            });
        }

        // Three calm sessions at a dose, each with its next morning known, step it up (SPEC §6): days 3–5 → day 6.
        Assert.All(doses.Take(3), d => Assert.Equal(new Dose(2, 15, Resistance.None), d.Dose));
        var up = doses[3]; // stepped once, although reviewed three times
        Assert.Equal((new Dose(2, 20, Resistance.None), ProgressionAction.Progress), (up.Dose, up.Action));
        Assert.False(string.IsNullOrWhiteSpace(up.Reason));
        Assert.Equal(new Dose(3, 15, Resistance.None), doses[6].Dose); // days 6–8 at 2×20 → day 9
        Assert.Equal(new Dose(3, 20, Resistance.None), doses[9].Dose); // days 9–11 at 3×15 → day 12
        Assert.Equal(ProgressionAction.Hold, doses[10].Action);

        // Editing today's check-in re-runs the review: the dose does not move twice.
        var last = doses[^1];
        await CheckInAsync(client, Answers(painMorning: 1, stiffness: 5, painNow: 0));
        var again = await factory.InDatabaseAsync(db => db.Doses.SingleAsync(d => d.AccountId == id && d.Exercise == ExerciseId.StraightLegRaise && d.EffectiveFrom == last.Day));
        Assert.Equal(last.Dose, new Dose(again.Sets!.Value, again.Reps!.Value, again.Resistance!.Value));
        Assert.Equal(Phase.Restore, (await StatesAsync(factory, id)).Last().Phase);
    }
}
