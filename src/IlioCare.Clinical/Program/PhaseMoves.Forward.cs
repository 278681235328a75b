using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>The forward moves of SPEC §4: settle → restore → return → prevent.</summary>
public static partial class PhaseMoves
{
    /// <summary>Settle → restore: 3 days in a row (SPEC §4).</summary>
    public const int SettleDays = 3;
    /// <summary>Settle → restore: pain now at most 3 (SPEC §4).</summary>
    public const int SettlePainNowAtMost = 3;
    /// <summary>Settle → restore: morning stiffness at most 30 minutes (SPEC §4).</summary>
    public const int SettleStiffnessMinutesAtMost = 30;
    /// <summary>Restore → return: 7 days in a row (SPEC §4).</summary>
    public const int RestoreDays = 7;
    /// <summary>Restore → return: pain now at most 2 (SPEC §4).</summary>
    public const int RestorePainNowAtMost = 2;

    private static PhaseDecision FromSettle(ProgramState state, IReadOnlyList<CheckIn> history, DateOnly today)
    {
        var days = DaysInARow(history, today, state.CountsFrom,
            c => c.PainNow <= SettlePainNowAtMost && c.StiffnessMinutes <= SettleStiffnessMinutesAtMost);
        const string Calm = "with pain now at 3 or less and morning stiffness of 30 minutes or less";
        return days >= SettleDays
            ? new(PhaseMove.Advance, ProgramState.SetOn(Phase.Restore, today), $"Moved to restore: {SettleDays} days in a row {Calm}.")
            : new(PhaseMove.Stay, state, $"Staying in settle: {days} of {SettleDays} days in a row so far {Calm}.");
    }

    /// <summary>
    /// Restore → return: 7 days in a row with pain now ≤ 2, every strengthening exercise a clinician did not
    /// exclude at light resistance or more, then a pain-free 10-hop test. The test is asked once the rest
    /// holds (<see cref="PhaseDecision.AskHopTest"/>) and counts on any check-in where the rest still holds;
    /// a painful test, whenever answered, restarts the 7 days and suggests a physio check (SPEC §4).
    /// </summary>
    private static PhaseDecision FromRestore(ProgramState state, PhaseEvidence evidence, IReadOnlyList<CheckIn> history, DateOnly today)
    {
        var checkIn = history[^1];
        if (checkIn.HopTestPainFree == false)
        {
            return new(PhaseMove.Restart, ProgramState.SetOn(Phase.Restore, today),
                $"Staying in restore: the 10-hop test hurt, so the {RestoreDays} days start again tomorrow. " +
                "Ask a physiotherapist to check your hip before you try the hop test again.")
            { SuggestPhysioCheck = true };
        }

        var days = DaysInARow(history, today, state.CountsFrom, c => c.PainNow <= RestorePainNowAtMost);
        var notYetLight = ExerciseCatalogue.Strengthening
            .Where(id => !evidence.ExcludedByClinician.Contains(id))
            .Where(id => evidence.StrengthDoses.GetValueOrDefault(id, Ladder.Floor).Resistance < Resistance.Light)
            .Select(id => ExerciseCatalogue.Get(id).Name)
            .ToArray();
        const string Calm = "with pain now at 2 or less";

        if (days < RestoreDays || notYetLight.Length > 0)
        {
            var reason = $"Staying in restore: {Math.Min(days, RestoreDays)} of {RestoreDays} days in a row so far {Calm}.";
            if (notYetLight.Length > 0)
                reason += $" Still to reach light resistance: {string.Join(", ", notYetLight)}.";
            return new(PhaseMove.Stay, state, reason);
        }

        const string Rest = "days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more";
        return checkIn.HopTestPainFree == true
            ? new(PhaseMove.Advance, ProgramState.SetOn(Phase.Return, today),
                $"Moved to return: {RestoreDays} {Rest}, and 10 hops on the sore leg without pain.")
            : new(PhaseMove.Stay, state,
                $"Almost ready for return: {RestoreDays} {Rest}. In your next check-in, hop 10 times on the sore leg and say whether it hurt.")
            { AskHopTest = true };
    }

    /// <summary>
    /// Return → prevent: a completed week reaches the pre-injury weekly minutes without a flare (SPEC §4).
    /// Only whole weeks inside return count (starting on or after the count start): a week begun in restore
    /// does not show how sport goes under return's cap.
    /// </summary>
    private static PhaseDecision FromReturn(ProgramState state, PhaseEvidence evidence, DateOnly today)
    {
        var target = evidence.PreInjuryWeeklyMinutes;
        var week = evidence.ReturnWeeks
            .Where(w => w.WeekStart >= state.CountsFrom && w.WeekStart.AddDays(7) <= today)
            .FirstOrDefault(w => !w.Flare && w.Minutes >= target);
        return week is not null
            ? new(PhaseMove.Advance, ProgramState.SetOn(Phase.Prevent, today),
                $"Moved to prevent: the week of {week.WeekStart:yyyy-MM-dd} reached your pre-injury level of {target} minutes of sport without a flare.")
            : new(PhaseMove.Stay, state,
                $"Staying in return: no completed week has reached your pre-injury level of {target} minutes of sport without a flare yet.");
    }
}
