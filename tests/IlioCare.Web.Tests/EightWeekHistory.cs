using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IlioCare.Web.Tests;

/// <summary>
/// A patient's 8 weeks, written straight into the database for the progress page (F11); shared with the browser
/// tests. "Today" is a Monday in Paris (<see cref="MoveToMonday"/>), day 0 is 8 weeks before it, day 55 yesterday.
/// Settle (weeks 0–1) → restore (weeks 2–3) → return (weeks 4–7) with sport on Tuesday, Thursday and Saturday
/// (30, 33, 36, 40 minutes a session: 90, 99, 108, 120 a week). Pain now by week 5, 3, 2, 2, 2, 2, 2, 1, one more
/// on each day after sport; morning pain one less (one more after sport). No check-in on days 10 and 42 (and no
/// session then). Every planned exercise done except: butterfly on days 0–2, massage on day 11, seated marching
/// stopped for pain on day 24, the three strengthening exercises on day 55. The numbers the tests expect are
/// worked out by hand in <c>ProgressPageTests</c>.
/// </summary>
public static class EightWeekHistory
{
    public const int Days = 56;
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly int[] Base = [5, 3, 2, 2, 2, 2, 2, 1];
    private static readonly int[] Stiffness = [45, 30, 20, 15, 10, 10, 5, 5];
    private static readonly int[] SessionMinutes = [0, 0, 0, 0, 30, 33, 36, 40];
    public static readonly string[] Activities = ["Run 5 km", "Climb two flights of stairs", "Sit through a film"];
    /// <summary>Past weekly scores of the three activities, weeks 0–7.</summary>
    public static readonly int[][] Scores = [[2, 3, 3, 4, 5, 6, 6, 7], [1, 1, 2, 3, 3, 4, 5, 6], [4, 4, 5, 5, 6, 6, 7, 8]];

    /// <summary>Moves the clock on to the next Monday 09:00 in Paris (do it before signing up: only forward).</summary>
    public static void MoveToMonday(FakeTimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris);
        var next = local.Date.AddHours(9);
        while (next <= local.DateTime || next.DayOfWeek != DayOfWeek.Monday) next = next.AddDays(1);
        clock.Advance(next - local.DateTime);
    }

    public static DateOnly Today(FakeTimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);

    public static bool SportDay(int n) => n / 7 >= 4 && (n % 7) is 1 or 3 or 5;

    public static bool Missing(int n) => n is 10 or 42;

    /// <summary>A dose's reason as the engine writes one (a made-up sentence would read as English on a Spanish page).</summary>
    private static string DoseReason(int step) =>
        step == 0 ? Clinical.Program.SessionPlanner.StartingDoseReason : Clinical.Program.SessionPlanner.CurrentDoseReason;

    /// <summary>Replaces onboarding's state with the story's and writes the rest; with <paramref name="functionalScale"/> the activities and 8 past weeks of scores too.</summary>
    public static async Task SeedAsync(IlioCareDbContext db, string accountId, DateOnly today, bool functionalScale = false)
    {
        var day0 = today.AddDays(-Days);
        DateOnly D(int n) => day0.AddDays(n);
        await db.ProgramStates.Where(s => s.AccountId == accountId).ExecuteDeleteAsync();
        db.ProgramStates.AddRange(
            State(accountId, D(0), Phase.Settle, D(0), PhaseMove.Stay, "onboarding", "Your program starts in settle."),
            State(accountId, D(14), Phase.Restore, D(14), PhaseMove.Advance, "engine", "Moved to restore: 7 days in a row with pain now at 3 or less and morning stiffness of 30 minutes or less."),
            State(accountId, D(28), Phase.Return, D(28), PhaseMove.Advance, "engine", "Moved to return: 14 days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more, and 10 hops on the sore leg without pain."));
        for (var n = 0; n < Days; n++)
        {
            if (Missing(n)) continue;
            var after = SportDay(n - 1) ? 1 : 0;
            db.CheckIns.Add(new CheckInRecord
            {
                AccountId = accountId, Date = D(n), PainNow = Base[n / 7] + after, PainMorning = Math.Max(0, Base[n / 7] - 1) + after,
                StiffnessMinutes = Stiffness[n / 7],
                SportMinutes = SportDay(n) ? new Dictionary<Clinical.Assessment.Activity, int> { [Clinical.Assessment.Activity.Running] = SessionMinutes[n / 7] } : [],
            });
            var phase = n < 14 ? Phase.Settle : n < 28 ? Phase.Restore : Phase.Return;
            foreach (var exercise in ExerciseCatalogue.ForPhase(phase).Where(e => e.Kind != ExerciseKind.WarmUp || SportDay(n)))
            {
                var id = exercise.Id;
                if ((id == ExerciseId.ButterflyStretch && n <= 2) || (id == ExerciseId.SelfMassage && n == 11)
                    || (n == 55 && exercise.Kind == ExerciseKind.Strength)) continue;
                var stopped = id == ExerciseId.SeatedMarching && n == 24;
                db.ExerciseLogs.Add(new ExerciseLogRecord
                {
                    AccountId = accountId, Date = D(n), Exercise = id, Completed = !stopped, StoppedForPain = stopped,
                    PainBefore = Base[n / 7], PainDuring = stopped ? Base[n / 7] + 2 : Base[n / 7],
                });
            }
        }
        // Doses: (exercise, day, ladder step) — straight leg raise climbs 5 steps, seated marching steps down once after its stop.
        (ExerciseId Id, int Day, int Step)[] strength =
        [
            (ExerciseId.StraightLegRaise, 14, 0), (ExerciseId.StraightLegRaise, 17, 1), (ExerciseId.StraightLegRaise, 20, 2),
            (ExerciseId.StraightLegRaise, 23, 3), (ExerciseId.StraightLegRaise, 26, 4), (ExerciseId.StraightLegRaise, 33, 5),
            (ExerciseId.SeatedMarching, 14, 0), (ExerciseId.SeatedMarching, 17, 1), (ExerciseId.SeatedMarching, 20, 2),
            (ExerciseId.SeatedMarching, 25, 1), (ExerciseId.SeatedMarching, 28, 2), (ExerciseId.SeatedMarching, 31, 3), (ExerciseId.SeatedMarching, 35, 4),
            (ExerciseId.StandingBandHipFlexion, 14, 0), (ExerciseId.StandingBandHipFlexion, 18, 1), (ExerciseId.StandingBandHipFlexion, 21, 2),
            (ExerciseId.StandingBandHipFlexion, 24, 3), (ExerciseId.StandingBandHipFlexion, 27, 4),
        ];
        foreach (var (id, n, step) in strength)
        {
            var dose = Ladder.Steps[step];
            db.Doses.Add(Dose(accountId, id, D(n), DoseReason(step), r => (r.Sets, r.Reps, r.Resistance) = (dose.Sets, dose.Reps, dose.Resistance)));
        }
        (ExerciseId Id, int Day, int Step)[] stretches =
        [
            (ExerciseId.LyingHipRotation, 0, 0), (ExerciseId.LyingHipRotation, 3, 1), (ExerciseId.LyingHipRotation, 6, 2),
            (ExerciseId.ButterflyStretch, 0, 0), (ExerciseId.ButterflyStretch, 5, 1), (ExerciseId.SideKick, 14, 0),
        ];
        foreach (var (id, n, step) in stretches)
        {
            var dose = StretchLadder.Steps(id)[step];
            db.Doses.Add(Dose(accountId, id, D(n), DoseReason(step), r => (r.Count, r.HoldSeconds) = (dose.Count, dose.HoldSeconds)));
        }
        if (functionalScale)
        {
            db.FunctionalScaleActivities.AddRange(Activities.Select((name, i) => new FunctionalScaleActivity { AccountId = accountId, Position = i + 1, Name = name }));
            for (var week = 0; week < 8; week++)
                for (var a = 0; a < 3; a++)
                    db.FunctionalScaleRatings.Add(new FunctionalScaleRating { AccountId = accountId, WeekStart = D(7 * week), Position = a + 1, Score = Scores[a][week] });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Only the past ratings (the activities were named through the form).</summary>
    public static async Task SeedPastScoresAsync(IlioCareDbContext db, string accountId, DateOnly today)
    {
        for (var week = 0; week < 8; week++)
            for (var a = 0; a < 3; a++)
                db.FunctionalScaleRatings.Add(new FunctionalScaleRating { AccountId = accountId, WeekStart = today.AddDays(-Days + 7 * week), Position = a + 1, Score = Scores[a][week] });
        await db.SaveChangesAsync();
    }

    private static ProgramStateRecord State(string accountId, DateOnly on, Phase phase, DateOnly countsFrom, PhaseMove move, string setBy, string reason) =>
        new() { AccountId = accountId, EffectiveOn = on, Phase = phase, CountsFrom = countsFrom, Move = move, SetBy = setBy, Reason = reason };

    private static DoseRecord Dose(string accountId, ExerciseId id, DateOnly from, string reason, Action<DoseRecord> set)
    {
        var record = new DoseRecord { AccountId = accountId, Exercise = id, EffectiveFrom = from, Action = ProgressionAction.Progress, Reason = reason, SetBy = "engine" };
        set(record);
        return record;
    }
}
