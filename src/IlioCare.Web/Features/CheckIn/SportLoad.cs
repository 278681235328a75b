using IlioCare.Clinical;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Data;

using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>This week's sport as the check-in page shows it (F10): the cap, the minutes so far, the §7 warnings.</summary>
public sealed record SportLoad(SportAllowance Allowance, int MinutesThisWeek, IReadOnlyList<Finding> Warnings, bool WeekPaused)
{
    /// <summary>This page's own warning: more sport this week than the week's cap (SportCap words it with the minutes).</summary>
    public const string OverCapCode = "over-cap-this-week";

    internal static SportLoad For(PatientHistory history, DateOnly today)
    {
        var state = history.StateRecordOn(today);
        var monday = LoadSeries.WeekStart(today);
        var minutes = history.SportMinutesBetween(monday, today);
        var paused = Enumerable.Range(0, 7).Any(i => history.Paused(monday.AddDays(i)));
        if (state is null) return new(SportAllowance.For(Phase.Settle, null, 0), minutes, [], paused);
        if (state.PausedForWarningSign) return new(SportAllowance.PausedForWarningSign, minutes, [], paused);

        (SportAllowance Allowance, IReadOnlyList<Finding> Found) result = state.Phase switch
        {
            Phase.Return or Phase.Prevent => Graded(history, state.Phase, today),
            Phase.Restore => (SportAllowance.For(Phase.Restore, RestoreFlareCap(history, today), 0), []),
            Phase.Settle => (SportAllowance.For(Phase.Settle, null, 0), []),
        };
        var (allowance, warnings) = (result.Allowance, result.Found.ToList());
        if (minutes > allowance.CapMinutes)
        {
            warnings.Insert(0, new(OverCapCode, allowance.CapMinutes == 0
                ? $"You have done {minutes} minutes of sport this week, but your phase allows none yet."
                : $"You have done {minutes} minutes of sport this week, past this week's cap of {allowance.CapMinutes}."));
        }
        return new(allowance, minutes, warnings, paused);
    }

    private static (SportAllowance, IReadOnlyList<Finding>) Graded(PatientHistory history, Phase phase, DateOnly today)
    {
        var entry = history.ReturnSpellStart(today)!;
        var weeks = history.SportWeeks(entry.CountsFrom, today);
        var report = LoadGuard.Evaluate(new LoadInput(history.Profile.PreInjuryWeeklyMinutes, StartCap(history, entry), weeks));
        return (SportAllowance.For(phase, null, report.NextWeekCap), report.Warnings);
    }

    /// <summary>Restore reached by a flare holds sport at the flare cap; reached from settle, no sport (SPEC §4).</summary>
    private static int? RestoreFlareCap(PatientHistory history, DateOnly today)
    {
        var restore = history.SpellStart(today, p => p == Phase.Restore)!;
        return restore.Move == PhaseMove.StepBack ? FlareCap(history, restore.EffectiveOn) : null;
    }

    /// <summary>
    /// SPEC §7 "startCap = the flare cap when it re-enters return after a flare": when the restore spell before
    /// this entry into return began with a flare's step back, the cap that flare left starts the new series.
    /// </summary>
    private static int? StartCap(PatientHistory history, ProgramStateRecord entry)
    {
        var restore = history.SpellStart(entry.EffectiveOn.AddDays(-1), p => p == Phase.Restore);
        return restore is { Move: PhaseMove.StepBack } ? FlareCap(history, restore.EffectiveOn) : null;
    }

    /// <summary>The cap left by the flare of <paramref name="flareDay"/> that ended a stretch of return (or prevent).</summary>
    private static int? FlareCap(PatientHistory history, DateOnly flareDay)
    {
        if (history.ReturnSpellStart(flareDay.AddDays(-1)) is not { } entry) return null;
        var flareMonday = LoadSeries.WeekStart(flareDay);
        return LoadSeries.FlareCap(history.Profile.PreInjuryWeeklyMinutes, StartCap(history, entry),
            history.SportWeeks(entry.CountsFrom, flareMonday), history.SportMinutesBetween(flareMonday, flareDay));
    }
}
