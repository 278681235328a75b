using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;

namespace IlioCare.Web.Tests;

/// <summary>
/// A patient's history drawn from a seed, written straight into the database (issue 7 equality tests): any length
/// from a few days to years, phases moving back and forth (advances, flares' step backs, clinician settings, a warning-
/// sign pause), holiday pauses, check-ins on most days with sport and the odd flare, logs and dose records on most days
/// — now and then at a dose off the ladder, as a hand-edited row could be. Not a story the engine would write: the
/// point is that a windowed read and the whole read give the same answers on whatever is stored.
/// </summary>
public static class RandomHistory
{
    private static readonly Phase[] Phases = Enum.GetValues<Phase>();

    public static async Task<string> SeedAsync(IlioCareDbContext db, int seed, DateOnly today, int? length = null)
    {
        var random = new Random(seed);
        var days = length ?? random.Next(3) switch { 0 => random.Next(5, 70), 1 => random.Next(70, 400), _ => random.Next(400, 1200) };
        var first = today.AddDays(-days);
        var at = first.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var id = Guid.NewGuid().ToString();
        var email = $"random-{seed}-{id[..8]}@example.org";
        db.Users.Add(new Account { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAtUtc = at });
        db.PatientProfiles.Add(new PatientProfile
        {
            AccountId = id, AgeAtSignUp = 40, TermsAcceptedAtUtc = at, CreatedAtUtc = at, OnboardedAtUtc = at, Side = Side.Left,
            PreInjuryWeeklyMinutes = random.Next(0, 300), TimeZoneId = "UTC",
            ExcludedExercises = random.Next(4) == 0 ? new HashSet<ExerciseId> { ExerciseCatalogue.Strengthening[random.Next(ExerciseCatalogue.Strengthening.Count)] } : new HashSet<ExerciseId>(),
        });

        db.ProgramStates.Add(State(id, first, Phases[random.Next(Phases.Length)], PhaseMove.Stay, "onboarding", false));
        for (var day = first.AddDays(1); day <= today; day = day.AddDays(1))
        {
            if (random.Next(days < 70 ? 6 : 25) != 0) continue;
            var move = (PhaseMove)random.Next(4); // Stay, Advance, StepBack, Restart
            var setBy = random.Next(6) == 0 ? Guid.NewGuid().ToString() : "engine";
            db.ProgramStates.Add(State(id, day, Phases[random.Next(Phases.Length)], move, setBy, random.Next(30) == 0));
        }
        for (var day = first.AddDays(random.Next(1, 40)); day <= today; day = day.AddDays(random.Next(20, 200)))
        {
            var end = day.AddDays(random.Next(1, 10));
            db.Pauses.Add(new PauseRecord { AccountId = id, StartedOn = day, EndedOn = end >= today && random.Next(2) == 0 ? null : end, Reason = PauseReason.Holiday });
            day = end;
        }

        for (var day = first; day <= today; day = day.AddDays(1))
        {
            if (random.Next(7) == 0) continue;
            var pain = random.Next(10) == 0 ? random.Next(5, 9) : random.Next(0, 4);
            var sport = random.Next(3) == 0 ? new Dictionary<Activity, int> { [Activity.Running] = random.Next(10, 100) } : new Dictionary<Activity, int>();
            var saved = day.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
            db.CheckIns.Add(new CheckInRecord
            {
                AccountId = id, Date = day, PainMorning = Math.Max(0, pain - random.Next(2)), StiffnessMinutes = random.Next(0, 60), PainNow = pain,
                SportMinutes = sport, Flare = pain >= 7 || random.Next(40) == 0, HopTestPainFree = random.Next(20) == 0 ? random.Next(2) == 0 : null,
                CreatedAtUtc = saved, UpdatedAtUtc = saved,
            });
            foreach (var exercise in ExerciseCatalogue.All.Where(e => e.Kind is ExerciseKind.Strength or ExerciseKind.Stretch))
            {
                if (random.Next(3) == 0) db.Doses.Add(Dose(id, exercise, day, random));
                if (random.Next(3) == 0) db.ExerciseLogs.Add(Log(id, exercise, day, random));
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return id;
    }

    private static DoseRecord Dose(string id, Exercise exercise, DateOnly day, Random random)
    {
        var record = new DoseRecord
        {
            AccountId = id, Exercise = exercise.Id, EffectiveFrom = day, Action = (ProgressionAction)random.Next(4),
            Reason = $"Reason {random.Next(1000)}.", SetBy = random.Next(10) == 0 ? "clinician-x" : "engine", RecordedAtUtc = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        if (exercise.Kind == ExerciseKind.Strength)
        {
            var step = Ladder.Steps[random.Next(Ladder.Steps.Count)];
            (record.Sets, record.Reps, record.Resistance) = random.Next(15) == 0 ? (1, 7, step.Resistance) : (step.Sets, step.Reps, step.Resistance);
        }
        else
        {
            var steps = StretchLadder.Steps(exercise.Id);
            var step = steps[random.Next(steps.Count)];
            (record.Count, record.HoldSeconds) = random.Next(15) == 0 ? (step.Count + 1, step.HoldSeconds + 1) : (step.Count, step.HoldSeconds);
        }
        return record;
    }

    private static ExerciseLogRecord Log(string id, Exercise exercise, DateOnly day, Random random)
    {
        var stopped = random.Next(15) == 0;
        var log = new ExerciseLogRecord
        {
            AccountId = id, Date = day, Exercise = exercise.Id, Completed = !stopped && random.Next(8) != 0, StoppedForPain = stopped,
            PainBefore = random.Next(0, 4), PainDuring = random.Next(0, 7), RecordedAtUtc = day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
        };
        if (exercise.Kind == ExerciseKind.Strength) (log.Sets, log.Reps, log.Resistance) = (2, 15, Resistance.None);
        else (log.Count, log.HoldSeconds) = (StretchLadder.Floor(exercise.Id).Count, StretchLadder.Floor(exercise.Id).HoldSeconds);
        return log;
    }

    private static ProgramStateRecord State(string id, DateOnly day, Phase phase, PhaseMove move, string setBy, bool paused) => new()
    {
        AccountId = id, EffectiveOn = day, Phase = phase, CountsFrom = day, PausedForWarningSign = paused, Move = move,
        Reason = $"{move} to {phase}.", SetBy = setBy, RecordedAtUtc = day.ToDateTime(new TimeOnly(7, 1), DateTimeKind.Utc),
    };
}
