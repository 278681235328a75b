using System.Globalization;
using System.Collections.ObjectModel;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>
/// What the morning check-in hands the engine (SPEC §6: "The app runs the engine after the morning
/// check-in, so the latest session's next-morning pain is known"). Everything is as it stood before
/// today's review: re-running the review after the patient edits today's check-in then gives the same
/// kind of answer instead of moving a dose twice. The host runs the same review again when an exercise is
/// logged as stopped for pain: today's check-in then carries the day's stops so far, and a second stop within
/// 7 days is a flare "at the moment it is logged" (SPEC §4, clarified 2026-12-03; <see cref="Flare.Find"/>).
/// Judged from the state before today, that re-run can neither step back twice nor undo the step back.
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

    /// <summary>
    /// Strengthening doses a clinician set for today by hand (F13): the review does not overwrite them, so the phase
    /// review sees them instead of the engine's own answer for that exercise (SPEC §4 "sees the doses that the same
    /// morning's review sets": the doses in force today).
    /// </summary>
    public IReadOnlyDictionary<ExerciseId, Dose> StrengthDosesSetToday { get; init; } = ReadOnlyDictionary<ExerciseId, Dose>.Empty;

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
    /// Runs the progression engine (SPEC §6) for every strengthening exercise and stretch, then the phase engine
    /// (§4) on the doses those decisions set for today: "a morning's phase review sees the doses that the same
    /// morning's review sets, so the program page, the plan and the hop-test question agree on the same day"
    /// (§4, clarified 2026-12-03). Judging the phase on yesterday's doses asked the hop test, and started return,
    /// a day late on the morning the last exercise reached light resistance (H101).
    /// On a day the phase steps back for a flare or a warning sign was reported (pausing, or already covered by a
    /// same-day resume, F3) no dose goes up: a would-be
    /// progress is held (our rule on top of §6: the article's "stop if you feel any increased pain" applies to
    /// the whole day, not just to one exercise). Stop and regress still step down. The two orders agree: a flare
    /// or a warning sign is judged before any dose is looked at (<see cref="PhaseMoves.Decide"/>), so holding the
    /// doses afterwards cannot change the phase decision.
    /// </summary>
    public static MorningReview Run(MorningReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkIns = request.Evidence.CheckIns;

        var strength = ExerciseCatalogue.Strengthening.ToDictionary(id => id, id =>
        {
            var current = request.Evidence.StrengthDoses.GetValueOrDefault(id, Ladder.Floor);
            var sessions = SessionHistory.Join(Before(request.StrengthLogs, id, request.Today), checkIns);
            return OncePerSession(Progressor.Decide(new ProgressionInput(id, request.PainRule, current, sessions)), sessions, checkIns, current, request.Today);
        });
        var stretches = ExerciseCatalogue.Stretches.ToDictionary(id => id, id =>
        {
            var current = request.StretchDoses.GetValueOrDefault(id, StretchLadder.Floor(id));
            var sessions = SessionHistory.Join(Before(request.StretchLogs, id, request.Today), checkIns);
            return OncePerSession(Progressor.DecideStretch(id, request.PainRule, current, sessions), sessions, checkIns, current, request.Today);
        });

        var dosesToday = strength.ToDictionary(p => p.Key, p => request.StrengthDosesSetToday.TryGetValue(p.Key, out var byHand) ? byHand : p.Value.Next);
        var phase = PhaseMoves.Decide(request.State, request.Evidence with { StrengthDoses = dosesToday }, request.Today);
        var signToday = request.Evidence.CheckIns.Any(c => c.Date == request.Today && c.HasWarningSign);
        if (!(phase.IsFlare || phase.Next.PausedForWarningSign || signToday)) return new(phase, strength, stretches);

        var held = strength.ToDictionary(p => p.Key, p =>
            NoRise(p.Value, request.Evidence.StrengthDoses.GetValueOrDefault(p.Key, Ladder.Floor), phase));
        var heldStretches = stretches.ToDictionary(p => p.Key, p =>
            NoRise(p.Value, request.StretchDoses.GetValueOrDefault(p.Key, StretchLadder.Floor(p.Key)), phase));
        return new(phase, held, heldStretches);
    }

    private static IEnumerable<ExerciseLog<TDose>> Before<TDose>(
        IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<TDose>>> logs, ExerciseId id, DateOnly today) =>
        logs.TryGetValue(id, out var list) ? list.Where(l => l.Date < today) : [];

    /// <summary>
    /// A session steps a dose down once (H105). SPEC §6 judges "the latest session" and says "one step down"; the
    /// contract has no notion of days without a session, so a stop on Monday and no session until Friday used to
    /// step the dose down at every morning's review in between: four steps for one stop. The first review after a
    /// session is the first check-in dated after it (reviews judge only days before their own); when another
    /// check-in lies between that session and today, that review has already stepped the dose down and today holds.
    /// A progress cannot repeat this way: after it the sessions are no longer at the current dose.
    /// </summary>
    private static ProgressionDecision<TDose> OncePerSession<TDose>(ProgressionDecision<TDose> decision,
        IReadOnlyList<ExerciseSession<TDose>> sessions, IReadOnlyList<CheckIn> checkIns, TDose current, DateOnly today)
    {
        if (decision.Action is not (ProgressionAction.Stop or ProgressionAction.Regress) || sessions.Count == 0) return decision;
        var latest = sessions[^1].Date;
        if (!checkIns.Any(c => c.Date > latest && c.Date < today)) return decision;
        return new(ProgressionAction.Hold, current,
            $"Held at {current}: the step down after your session on {latest.ToString("d MMM", CultureInfo.InvariantCulture)} has already been made. The dose moves again after your next session.");
    }

    private static ProgressionDecision<TDose> NoRise<TDose>(ProgressionDecision<TDose> decision, TDose current, PhaseDecision phase) =>
        decision.Action == ProgressionAction.Progress
            ? new(ProgressionAction.Hold, current, $"Held at {current}: not on a day of a {(phase.IsFlare ? "flare" : "warning sign")}, even after calm sessions.")
            : decision;
}
