using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Program;

/// <summary>
/// The phase engine (SPEC §4, F3, F5): from the state, the evidence and today, decides whether the program
/// stays, moves on, steps back after a flare, or pauses for a warning sign — with a reason a patient reads.
/// A pure function: the caller runs it after each day's check-in (check-ins are editable until the day
/// ends, so running it again the same day with the edited check-in is fine) and stores the new state.
/// </summary>
public static partial class PhaseMoves
{
    /// <summary>Decides today's move. Only the check-in dated <paramref name="today"/> can move the program.</summary>
    public static PhaseDecision Decide(ProgramState state, PhaseEvidence evidence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evidence);

        if (state.PausedForWarningSign)
            return new(PhaseMove.Stay, state, StillPaused);

        var history = evidence.CheckIns.Where(c => c.Date <= today).ToArray();
        var checkIn = history.LastOrDefault();
        if (checkIn is null || checkIn.Date != today)
            return new(PhaseMove.Stay, state, "No check-in today yet: the program moves only after the day's check-in.");

        // The safety net comes first, on every day, paused for a holiday or not (F3). A sign a resume has covered
        // (a clean assessment and a doctor's check after it, the same day) no longer pauses: SafetyNet.
        if (checkIn.PausesProgram)
            return new(PhaseMove.Pause, state with { PausedForWarningSign = true }, PausedNow);

        if (Flare.Find(checkIn, history, state.CountsFrom) is { } flare)
            return StepBack(state.Phase, today, flare);

        if (checkIn.Paused)
        {
            return new(PhaseMove.Stay, state,
                $"Paused for a holiday or illness: today does not count, and the days in a row start again after the pause. {Staying(state.Phase)}");
        }

        return state.Phase switch
        {
            Phase.Settle => FromSettle(state, history, today),
            Phase.Restore => FromRestore(state, evidence, history, today),
            Phase.Return => FromReturn(state, evidence, today),
            Phase.Prevent => new(PhaseMove.Stay, state,
                "Staying in prevent, the last phase: keep warming up before sport, stretching 3 times a week and strengthening twice a week."),
        };
    }

    /// <summary>
    /// Lifts a warning-sign pause (F3): only after a new assessment without warning signs and the
    /// patient's confirmation that a doctor has checked them; the program then restarts in settle.
    /// </summary>
    public static PhaseDecision Resume(ProgramState state, DateOnly today, bool newAssessmentWithoutWarningSigns, bool doctorHasChecked)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.PausedForWarningSign)
            return new(PhaseMove.Stay, state, $"The program is not paused. {Staying(state.Phase)}");
        if (!newAssessmentWithoutWarningSigns)
            return new(PhaseMove.Stay, state, "Still paused: take a new assessment first; it must show no warning signs.");
        if (!doctorHasChecked)
            return new(PhaseMove.Stay, state, "Still paused: confirm that a doctor has checked the warning sign you reported.");
        return new(PhaseMove.Resume, ProgramState.SetOn(Phase.Settle, today),
            "Program restarted in settle: your new assessment shows no warning signs and a doctor has checked them. The count of calm days starts tomorrow.");
    }

    /// <summary>
    /// A new self-assessment of a patient whose program is running (H118): an urgent or emergency result pauses the
    /// program exactly as a warning sign in a check-in does (F3: "any warning sign … pauses the program"; SPEC §3: an
    /// urgent or emergency result gets no start phase, so no exercise until a doctor has checked). Anything lower moves
    /// nothing: the program is not restarted from the new assessment's start phase (that is the clinician's call, F13).
    /// </summary>
    public static PhaseDecision AfterAssessment(ProgramState state, Assessment.TriageLevel triage)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.PausedForWarningSign)
            return new(PhaseMove.Stay, state, StillPaused);
        if (triage < Assessment.TriageLevel.Urgent)
            return new(PhaseMove.Stay, state, $"Your new self-assessment does not change your program. {Staying(state.Phase)}");
        return new(PhaseMove.Pause, state with { PausedForWarningSign = true }, PausedByAssessment);
    }

    private const string PausedByAssessment =
        "Program paused: your new self-assessment found a warning sign. Follow its advice and see a doctor. " +
        "The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them.";

    private const string PausedNow =
        "Program paused: you reported a warning sign. Follow the advice on screen and see a doctor. " +
        "The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them.";

    private const string StillPaused =
        "The program is paused because of a warning sign. It restarts in settle after a new assessment " +
        "without warning signs, once you confirm a doctor has checked them.";

    /// <summary>A flare steps return/prevent back to restore and restore back to settle; settle has no lower phase, so its count restarts.</summary>
    private static PhaseDecision StepBack(Phase phase, DateOnly today, string flare)
    {
        var (move, to) = phase switch
        {
            Phase.Settle => (PhaseMove.Restart, Phase.Settle),
            Phase.Restore => (PhaseMove.StepBack, Phase.Settle),
            Phase.Return => (PhaseMove.StepBack, Phase.Restore),
            Phase.Prevent => (PhaseMove.StepBack, Phase.Restore),
        };
        var reason = move == PhaseMove.Restart
            ? $"Staying in settle because of a flare: {flare}. The {SettleDays} calm days start again tomorrow."
            : $"Back to {WireName.Of(to)} because of a flare: {flare}.";
        return new(move, ProgramState.SetOn(to, today), reason) { IsFlare = true };
    }

    /// <summary>Consecutive calendar days ending today, each with a counting check-in that meets <paramref name="holds"/>.</summary>
    private static int DaysInARow(IReadOnlyList<CheckIn> history, DateOnly today, DateOnly countsFrom, Func<CheckIn, bool> holds)
    {
        var byDate = history.ToDictionary(c => c.Date);
        var days = 0;
        for (var day = today; day >= countsFrom && byDate.TryGetValue(day, out var c); day = day.AddDays(-1))
        {
            if (c.Paused || c.HasWarningSign || Flare.Find(c, history, countsFrom) is not null || !holds(c)) break;
            days++;
        }
        return days;
    }

    private static string Staying(Phase phase) => $"Staying in {WireName.Of(phase)}.";
}
