using System.Globalization;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Progression;

/// <summary>
/// The dose ladder's referee (SPEC §6, F9): judged on the latest session, the first rule that fits wins —
/// stop, regress, progress, otherwise hold. Steps are counted from the current dose.
/// </summary>
public static class Progressor
{
    /// <summary>SPEC §6: progress needs three sessions at the current dose …</summary>
    public const int SessionsToProgress = 3;
    /// <summary>… within at most 7 days (first date ≥ last date − 6).</summary>
    public const int ProgressWindowDays = 7;

    /// <summary>A strengthening exercise on the resistance ladder (SPEC §6 contract).</summary>
    public static ProgressionDecision Decide(ProgressionInput input)
    {
        var d = Decide(new DoseLadder<Dose>(Ladder.Steps), input.PainRule, input.Current, input.Sessions);
        return new(d.Action, d.Next, d.Reason);
    }

    /// <summary>A stretch on its rep or hold ladder, by the same rules and pain rule (SPEC §5).</summary>
    public static ProgressionDecision<StretchDose> DecideStretch(
        ExerciseId stretch, PainRule painRule, StretchDose current, IReadOnlyList<ExerciseSession<StretchDose>> sessions)
    {
        if (!StretchLadder.IsStep(stretch, current))
            throw new ArgumentOutOfRangeException(nameof(current), current, "The current dose must be a step of the stretch's ladder.");
        return Decide(new DoseLadder<StretchDose>(StretchLadder.Steps(stretch)), painRule, current, sessions);
    }

    private static ProgressionDecision<TDose> Decide<TDose>(
        DoseLadder<TDose> ladder, PainRule painRule, TDose current, IReadOnlyList<ExerciseSession<TDose>> sessions) where TDose : struct
    {
        if (sessions.Count == 0)
            return Hold(current, "no session has been recorded at this dose yet");

        var latest = sessions[^1];
        if (latest.MeetsStop(painRule))
            return Down(ladder, ProgressionAction.Stop, current, StopWhy(latest, painRule));
        if (latest.MeetsRegress)
            return Down(ladder, ProgressionAction.Regress, current,
                $"pain had not settled by the next morning ({latest.PainMorning}/10 on {Day(latest.Date)}, {latest.PainNextMorning}/10 the morning after)");

        if (WhyNotProgress(painRule, current, sessions) is { } why)
            return Hold(current, why);
        if (EqualityComparer<TDose>.Default.Equals(current, ladder.Top))
            return Hold(current, "three calm sessions in a week, and this is already the top of the ladder");
        var next = ladder.StepUp(current);
        return new(ProgressionAction.Progress, next,
            $"Up to {next}: the last 3 sessions at {current} were completed within a week with no pain rise during them and pain settled by each next morning.");
    }

    /// <summary>The first unmet condition for a step up (SPEC §6 progress), in words; null when all hold.</summary>
    private static string? WhyNotProgress<TDose>(PainRule painRule, TDose current, IReadOnlyList<ExerciseSession<TDose>> sessions)
    {
        var last = sessions.TakeLast(SessionsToProgress).ToArray();
        var atDose = last.Reverse().TakeWhile(s => EqualityComparer<TDose>.Default.Equals(s.Dose, current)).Count();
        if (atDose < SessionsToProgress)
            return $"{atDose} of the {SessionsToProgress} sessions in a row needed at this dose so far";
        if (last.FirstOrDefault(s => !s.Completed) is { } unfinished)
            return $"the session on {Day(unfinished.Date)} was not completed";
        if (last.FirstOrDefault(s => s.MeetsStop(painRule) || s.MeetsRegress) is { } painful)
            return $"pain rose after the session on {Day(painful.Date)}; the dose moves up only after three calm sessions";
        if (last.FirstOrDefault(s => s.PainNextMorning is null) is { } unknown)
            return $"waiting for the morning pain after {Day(unknown.Date)}";
        if (last[0].Date < last[^1].Date.AddDays(-(ProgressWindowDays - 1)))
            return $"the last {SessionsToProgress} sessions spread over more than a week ({Day(last[0].Date)} to {Day(last[^1].Date)})";
        return null;
    }

    private static string StopWhy<TDose>(ExerciseSession<TDose> s, PainRule rule) =>
        s.StoppedForPain
            ? $"the exercise was stopped for pain on {Day(s.Date)}"
            : rule switch
            {
                PainRule.Strict => $"pain rose during the exercise on {Day(s.Date)} ({s.PainBefore}/10 before, {s.PainDuring}/10 during)",
                PainRule.Monitoring => $"pain during the exercise on {Day(s.Date)} reached {s.PainDuring}/10, above the 5/10 the pain-monitoring rule accepts",
            };

    private static ProgressionDecision<TDose> Down<TDose>(DoseLadder<TDose> ladder, ProgressionAction action, TDose current, string why)
        where TDose : struct
    {
        // SPEC §6: never below the floor; the action is kept so the patient still hears why.
        if (EqualityComparer<TDose>.Default.Equals(current, ladder.Floor))
            return new(action, current, $"Staying at {current}, the lowest step: {why}.");
        var next = ladder.StepDown(current);
        return new(action, next, $"Down to {next}: {why}.");
    }

    private static ProgressionDecision<TDose> Hold<TDose>(TDose current, string why) =>
        new(ProgressionAction.Hold, current, $"Held at {current}: {why}.");

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
