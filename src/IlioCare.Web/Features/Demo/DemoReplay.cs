using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.Demo;

/// <summary>
/// Plays <see cref="DemoStory"/> through the clinical engine day by day, as the app would: each morning the
/// check-in, then <see cref="MorningReview.Run"/> on the state, doses and logs before that day (it writes that
/// day's state and dose records), then the session done at the doses the engine set.
/// </summary>
internal sealed class DemoReplay(PatientProfile profile, DateOnly firstDay, DateTime recordedAtUtc)
{
    public List<CheckInRecord> CheckIns { get; } = [];
    public List<ExerciseLogRecord> Logs { get; } = [];
    public List<DoseRecord> Doses { get; } = [];
    public List<ProgramStateRecord> States { get; } = [];

    private string AccountId => profile.AccountId;

    public DemoReplay Play(Phase startPhase)
    {
        // Onboarding's first record: the count starts on the first day (OnboardingHandler does the same).
        States.Add(State(firstDay, new ProgramState(startPhase, firstDay), PhaseMove.Stay, $"Your program starts in {Clinical.Contracts.WireName.Of(startPhase)}, as your assessment suggested.", "onboarding"));
        for (var i = 0; i < DemoStory.Days.Count; i++)
        {
            var day = firstDay.AddDays(i);
            var story = DemoStory.Days[i];
            CheckIns.Add(new CheckInRecord
            {
                AccountId = AccountId, Date = day, PainMorning = story.PainMorning, StiffnessMinutes = story.StiffnessMinutes,
                PainNow = story.PainNow, CreatedAtUtc = recordedAtUtc, UpdatedAtUtc = recordedAtUtc,
            });
            var state = Review(day);
            Session(day, state.Phase, story);
        }
        return this;
    }

    private ProgramState Review(DateOnly day)
    {
        // The evidence exactly as the check-in's review reads it from stored rows.
        var history = new PatientHistory
        {
            Profile = profile, CheckIns = CheckIns, Logs = Logs, States = States, Doses = Doses, Pauses = [], StartPhase = States[0].Phase,
        };
        var review = MorningReview.Run(history.RequestFor(day)!);

        CheckIns[^1].Flare = review.Phase.IsFlare;
        if (review.Phase.Move != PhaseMove.Stay)
            States.Add(State(day, review.Phase.Next, review.Phase.Move, review.Phase.Reason, "engine"));

        // Today's dose of every exercise in the (new) phase's program, with the engine's reason.
        var inProgram = ExerciseCatalogue.ForPhase(review.Phase.Next.Phase).Select(e => e.Id).ToHashSet();
        foreach (var (id, decision) in review.Strength.Where(s => inProgram.Contains(s.Key)))
        {
            var record = Dose(id, day, decision.Action, decision.Reason);
            (record.Sets, record.Reps, record.Resistance) = (decision.Next.Sets, decision.Next.Reps, decision.Next.Resistance);
            Doses.Add(record);
        }
        foreach (var (id, decision) in review.Stretches.Where(s => inProgram.Contains(s.Key)))
        {
            var record = Dose(id, day, decision.Action, decision.Reason);
            (record.Count, record.HoldSeconds) = (decision.Next.Count, decision.Next.HoldSeconds);
            Doses.Add(record);
        }
        return review.Phase.Next;
    }

    /// <summary>The evening session: every exercise of the phase at the dose in force, one stopped if the story says so.</summary>
    private void Session(DateOnly day, Phase phase, DemoDay story)
    {
        foreach (var exercise in ExerciseCatalogue.ForPhase(phase).Where(e => e.Kind != ExerciseKind.WarmUp))
        {
            var dose = Doses.Where(d => d.Exercise == exercise.Id && d.EffectiveFrom <= day).MaxBy(d => d.EffectiveFrom);
            var stopped = story.StoppedForPain == exercise.Id;
            Logs.Add(new ExerciseLogRecord
            {
                AccountId = AccountId, Date = day, Exercise = exercise.Id,
                Sets = dose?.Sets, Reps = dose?.Reps, Resistance = dose?.Resistance, Count = dose?.Count, HoldSeconds = dose?.HoldSeconds,
                Completed = !stopped, StoppedForPain = stopped,
                PainBefore = story.PainNow, PainDuring = stopped ? story.PainNow + 2 : story.PainNow,
                RecordedAtUtc = recordedAtUtc,
            });
        }
    }

    private ProgramStateRecord State(DateOnly day, ProgramState state, PhaseMove move, string reason, string setBy) => new()
    {
        AccountId = AccountId, EffectiveOn = day, Phase = state.Phase, CountsFrom = state.CountsFrom,
        PausedForWarningSign = state.PausedForWarningSign, Move = move, Reason = reason, SetBy = setBy, RecordedAtUtc = recordedAtUtc,
    };

    private DoseRecord Dose(ExerciseId id, DateOnly day, ProgressionAction action, string reason) => new()
    {
        AccountId = AccountId, Exercise = id, EffectiveFrom = day, Action = action, Reason = reason, SetBy = "engine", RecordedAtUtc = recordedAtUtc,
    };
}
