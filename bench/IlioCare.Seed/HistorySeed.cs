using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Seed;

/// <summary>
/// One patient with <c>days</c> of daily history ending today: plain plausible rows, NOT a replay through the engine
/// (DemoReplay's day-by-day review reads the whole history each day, quadratic over 5 years). The story follows SPEC §4's
/// shape: settle 3 calm days → restore (doses climbing, about 4 weeks) → return (sport growing, 5 weeks, after a pain-free
/// hop test) → prevent; every 120 days a flare (pain 7) steps prevent back to restore, which runs 2 weeks and returns; one
/// holiday pause a year (a week without check-ins); a stop for pain every 40 days; one dose record per exercise of the
/// phase per day (what MorningReviewHandler writes), one log per exercise on most days. Deterministic (fixed seed).
/// </summary>
internal static class HistorySeed
{
    public static async Task<IReadOnlyList<string>> RunAsync(IlioCareDbContext db, UserManager<Account> users, string email, string password,
        int days, DateOnly today)
    {
        var first = today.AddDays(1 - days);
        var at = first.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        var account = await Accounts.CreateAsync(users, email, password, Roles.Patient, $"Growth {days} days", at);
        db.PatientProfiles.Add(new PatientProfile
        {
            AccountId = account.Id, AgeAtSignUp = 41, TermsAcceptedAtUtc = at, CreatedAtUtc = at, OnboardedAtUtc = at, Side = Side.Right,
            Sports = new HashSet<Activity> { Activity.Running }, PreInjuryWeeklyMinutes = 150, TimeZoneId = "UTC",
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var story = new Story(account.Id, first, today);
        story.Play();
        await Accounts.SaveAsync(db, story.States);
        await Accounts.SaveAsync(db, story.Pauses);
        await Accounts.SaveAsync(db, story.CheckIns);
        await Accounts.SaveAsync(db, story.Logs);
        await Accounts.SaveAsync(db, story.Doses);
        return [$"patient_id={account.Id}", $"check_ins={story.CheckIns.Count}", $"logs={story.Logs.Count}",
            $"doses={story.Doses.Count}", $"states={story.States.Count}", $"phase={story.States[^1].Phase}"];
    }

    private sealed class Story(string accountId, DateOnly first, DateOnly today)
    {
        public List<CheckInRecord> CheckIns { get; } = [];
        public List<ExerciseLogRecord> Logs { get; } = [];
        public List<DoseRecord> Doses { get; } = [];
        public List<ProgramStateRecord> States { get; } = [];
        public List<PauseRecord> Pauses { get; } = [];
        private readonly Random _random = new(7);
        private readonly Dictionary<ExerciseId, int> _step = [];

        public void Play()
        {
            var phase = Phase.Settle;
            var since = first; // the day the current phase began
            State(first, phase, PhaseMove.Stay, "onboarding");
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                var n = day.DayNumber - first.DayNumber;
                var inPhase = day.DayNumber - since.DayNumber;
                if (n % 365 == 200 && day.AddDays(6) < today) // a week's holiday: paused, no check-ins, no sessions
                {
                    Pauses.Add(new PauseRecord { AccountId = accountId, StartedOn = day, EndedOn = day.AddDays(6), Reason = PauseReason.Holiday });
                    day = day.AddDays(6);
                    continue;
                }
                var flare = phase == Phase.Prevent && n % 120 == 119;
                var (next, move, hop) = flare ? (Phase.Restore, PhaseMove.StepBack, (bool?)null) : phase switch
                {
                    Phase.Settle when inPhase >= 3 => (Phase.Restore, PhaseMove.Advance, null),
                    Phase.Restore when inPhase >= (States.Any(s => s.Move == PhaseMove.StepBack) ? 14 : 28) => (Phase.Return, PhaseMove.Advance, true),
                    Phase.Return when inPhase >= 35 => (Phase.Prevent, PhaseMove.Advance, null),
                    _ => (phase, PhaseMove.Stay, (bool?)null),
                };
                CheckIn(day, phase, flare, hop);
                if (move != PhaseMove.Stay)
                {
                    (phase, since) = (next, day);
                    State(day, phase, move, "engine");
                    if (flare) foreach (var id in _step.Keys) _step[id] = Math.Max(0, _step[id] - 1);
                }
                Dose(day, phase, n);
                if (_random.Next(10) > 0) Session(day, phase, stop: n % 40 == 39);
            }
        }

        private void CheckIn(DateOnly day, Phase phase, bool flare, bool? hop)
        {
            var pain = flare ? 7 : phase == Phase.Settle ? 3 : _random.Next(0, 3);
            var sport = phase is Phase.Return or Phase.Prevent && day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Saturday
                ? new Dictionary<Activity, int> { [Activity.Running] = 30 + _random.Next(0, 4) * 5 } : [];
            var at = day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc);
            CheckIns.Add(new CheckInRecord
            {
                AccountId = accountId, Date = day, PainMorning = pain, StiffnessMinutes = phase == Phase.Settle ? 20 : 5, PainNow = pain,
                SportMinutes = sport, HopTestPainFree = hop, Flare = flare, CreatedAtUtc = at, UpdatedAtUtc = at,
            });
        }

        /// <summary>Today's dose of every exercise of the phase: a step up every 6th day of its ladder until the top.</summary>
        private void Dose(DateOnly day, Phase phase, int n)
        {
            foreach (var exercise in ExerciseCatalogue.ForPhase(phase).Where(e => e.Kind is ExerciseKind.Strength or ExerciseKind.Stretch))
            {
                var top = exercise.Kind == ExerciseKind.Strength ? Ladder.Steps.Count - 1 : StretchLadder.Steps(exercise.Id).Count - 1;
                var step = _step.GetValueOrDefault(exercise.Id);
                var up = n % 6 == 5 && step < top;
                _step[exercise.Id] = step = up ? step + 1 : step;
                var record = new DoseRecord
                {
                    AccountId = accountId, Exercise = exercise.Id, EffectiveFrom = day, SetBy = "engine",
                    Action = up ? ProgressionAction.Progress : ProgressionAction.Hold,
                    Reason = up ? "Up a step: three calm sessions in a row." : "Held: not yet three calm sessions at this dose.",
                    RecordedAtUtc = day.ToDateTime(new TimeOnly(7, 31), DateTimeKind.Utc),
                };
                if (exercise.Kind == ExerciseKind.Strength)
                    (record.Sets, record.Reps, record.Resistance) = (Ladder.Steps[step].Sets, Ladder.Steps[step].Reps, Ladder.Steps[step].Resistance);
                else
                    (record.Count, record.HoldSeconds) = (StretchLadder.Steps(exercise.Id)[step].Count, StretchLadder.Steps(exercise.Id)[step].HoldSeconds);
                Doses.Add(record);
            }
        }

        private void Session(DateOnly day, Phase phase, bool stop)
        {
            var exercises = ExerciseCatalogue.ForPhase(phase).Where(e => e.Kind != ExerciseKind.WarmUp).ToArray();
            for (var i = 0; i < exercises.Length; i++)
            {
                var dose = Doses.FindLast(d => d.Exercise == exercises[i].Id);
                var stopped = stop && i == 0;
                Logs.Add(new ExerciseLogRecord
                {
                    AccountId = accountId, Date = day, Exercise = exercises[i].Id, Sets = dose?.Sets, Reps = dose?.Reps, Resistance = dose?.Resistance,
                    Count = dose?.Count, HoldSeconds = dose?.HoldSeconds, Completed = !stopped, StoppedForPain = stopped,
                    PainBefore = 1, PainDuring = stopped ? 4 : 1, RecordedAtUtc = day.ToDateTime(new TimeOnly(18, 30), DateTimeKind.Utc),
                });
            }
        }

        private void State(DateOnly day, Phase phase, PhaseMove move, string setBy) => States.Add(new ProgramStateRecord
        {
            AccountId = accountId, EffectiveOn = day, Phase = phase, CountsFrom = day, Move = move, SetBy = setBy,
            Reason = move == PhaseMove.StepBack ? "Back to restore because of a flare: pain now is 7, which is 7 or more." : $"Moved to {phase}.",
            RecordedAtUtc = day.ToDateTime(new TimeOnly(7, 31), DateTimeKind.Utc),
        });
    }
}
