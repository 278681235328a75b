using System.Collections.ObjectModel;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>
/// What the morning check-in hands the engine (SPEC §6: "The app runs the engine after the morning
/// check-in, so the latest session's next-morning pain is known"). Everything is as it stood before
/// today's review: re-running the review after the patient edits today's check-in then gives the same
/// kind of answer instead of moving a dose twice.
/// </summary>
/// <param name="Today">Today, in the patient's time zone.</param>
/// <param name="State">The program's state before today's review.</param>
/// <param name="Evidence">Check-ins (today's included), doses before today, exclusions, sport weeks.</param>
public sealed record MorningReviewRequest(DateOnly Today, ProgramState State, PhaseEvidence Evidence)
{
    public PainRule PainRule { get; init; }

    /// <summary>Current step of each stretch before today; a missing one is at the floor.</summary>
    public IReadOnlyDictionary<ExerciseId, StretchDose> StretchDoses { get; init; } = ReadOnlyDictionary<ExerciseId, StretchDose>.Empty;

    /// <summary>The session player's logs of each strengthening exercise (any days; only days before today are judged).</summary>
    public IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>> StrengthLogs { get; init; } =
        ReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>>.Empty;

    /// <summary>The session player's logs of each stretch.</summary>
    public IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<StretchDose>>> StretchLogs { get; init; } =
        ReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<StretchDose>>>.Empty;
}

/// <summary>The morning's decisions: the phase move and each exercise's dose for today, each with its reason.</summary>
public sealed record MorningReview(
    PhaseDecision Phase,
    IReadOnlyDictionary<ExerciseId, ProgressionDecision<Dose>> Strength,
    IReadOnlyDictionary<ExerciseId, ProgressionDecision<StretchDose>> Stretches)
{
    /// <summary>
    /// Runs the phase engine (SPEC §4) and the progression engine (§6) for every strengthening exercise and
    /// stretch. On a day the phase steps back for a flare or a warning sign was reported (pausing, or already
    /// covered by a same-day resume, F3) no dose goes up:
    /// a would-be progress is held (our rule on top of §6: the article's "stop if you feel any increased
    /// pain" applies to the whole day, not just to one exercise). Stop and regress still step down.
    /// </summary>
    public static MorningReview Run(MorningReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phase = PhaseMoves.Decide(request.State, request.Evidence, request.Today);
        var signToday = request.Evidence.CheckIns.Any(c => c.Date == request.Today && c.HasWarningSign);
        var painDay = phase.IsFlare || phase.Next.PausedForWarningSign || signToday;
        var checkIns = request.Evidence.CheckIns;

        var strength = ExerciseCatalogue.Strengthening.ToDictionary(id => id, id =>
        {
            var current = request.Evidence.StrengthDoses.GetValueOrDefault(id, Ladder.Floor);
            var sessions = SessionHistory.Join(Before(request.StrengthLogs, id, request.Today), checkIns);
            var decision = Progressor.Decide(new ProgressionInput(id, request.PainRule, current, sessions));
            return painDay ? NoRise(decision, current, phase) : decision;
        });
        var stretches = ExerciseCatalogue.Stretches.ToDictionary(id => id, id =>
        {
            var current = request.StretchDoses.GetValueOrDefault(id, StretchLadder.Floor(id));
            var sessions = SessionHistory.Join(Before(request.StretchLogs, id, request.Today), checkIns);
            var decision = Progressor.DecideStretch(id, request.PainRule, current, sessions);
            return painDay ? NoRise(decision, current, phase) : decision;
        });
        return new(phase, strength, stretches);
    }

    private static IEnumerable<ExerciseLog<TDose>> Before<TDose>(
        IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<TDose>>> logs, ExerciseId id, DateOnly today) =>
        logs.TryGetValue(id, out var list) ? list.Where(l => l.Date < today) : [];

    private static ProgressionDecision<TDose> NoRise<TDose>(ProgressionDecision<TDose> decision, TDose current, PhaseDecision phase) =>
        decision.Action == ProgressionAction.Progress
            ? new(ProgressionAction.Hold, current, $"Held at {current}: not on a day of a {(phase.IsFlare ? "flare" : "warning sign")}, even after calm sessions.")
            : decision;
}
