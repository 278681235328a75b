using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
using IlioCare.Web.Features.Program;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// Adherence per week (F11): for each past program day, the session <see cref="SessionPlanner"/> built from what was in
/// force then — phase, doses, pause, sport day, massage check, a clinician's exclusions, as Today builds it — against the
/// exercises logged completed; the rule is <see cref="Adherence"/>. Today is left out: its session may still be going.
/// </summary>
internal static class AdherenceChart
{
    public static IReadOnlyList<AdherenceDay> Days(PatientHistory history, IReadOnlyList<DateOnly> days, DateOnly today) =>
        days.Where(d => d < today && history.StateRecordOn(d) is not null).Select(d => Adherence.Day(
            SessionPlanner.For(Request(history, d)),
            history.Logs.Where(l => l.Date == d && l.Completed).Select(l => l.Exercise))).ToArray();

    public static BarChartData Build(IStringLocalizer<ProgressText> L, PatientHistory history, IReadOnlyList<DateOnly> days, DateOnly today)
    {
        var weeks = Adherence.Weeks(Days(history, days, today));
        string summary;
        if (weeks.Count == 0) summary = L["No program days have passed yet, so there is nothing to count."];
        else
        {
            var last = weeks[^1];
            var (planned, done) = (weeks.Sum(w => w.Planned), weeks.Sum(w => w.Done));
            var all = Adherence.Weeks([new AdherenceDay(last.WeekStart, planned, done)])[0].Percent;
            summary = weeks.Count == 1
                ? L["In the week of {0} you did {1} of {2} planned exercises ({3} %); over all 1 week, {4} of {5} ({6} %).",
                    Short(last.WeekStart), last.Done, last.Planned, last.Percent, done, planned, all]
                : L["In the week of {0} you did {1} of {2} planned exercises ({3} %); over all {7} weeks, {4} of {5} ({6} %).",
                    Short(last.WeekStart), last.Done, last.Planned, last.Percent, done, planned, all, weeks.Count];
        }
        return new(
            weeks.Select(w => Short(w.WeekStart)).ToArray(),
            weeks.Select(w => (int?)w.Percent).ToArray(),
            summary,
            new ChartTable(L["Exercises done of those planned, by week (paused days left out)"], [L["Week of"], L["Planned"], L["Done"], L["Done %"], L["Program days"]],
                weeks.Select(w => (IReadOnlyList<string>)[Long(w.WeekStart), $"{w.Planned}", $"{w.Done}", $"{w.Percent} %", $"{w.Days}"]).ToArray()));
    }

    private static SessionRequest Request(PatientHistory history, DateOnly day)
    {
        var state = history.StateRecordOn(day)!;
        var checkIn = history.CheckInOn(day);
        var doses = history.Doses.Where(d => d.EffectiveFrom <= day).GroupBy(d => d.Exercise).Select(g => g.Last()).ToArray();
        return new SessionRequest(state.Phase, day)
        {
            // As Today: the one warning-sign decision (SafetyNet), then a holiday or illness pause.
            Pause = history.PausedForWarningSign(day) ? ProgramPause.WarningSign
                : history.Paused(day) ? ProgramPause.HolidayOrIllness
                : ProgramPause.None,
            SportDay = checkIn is { TotalSportMinutes: > 0 },
            MassageExcluded = !history.Profile.SelfMassageAllowed,
            ExcludedByClinician = history.Profile.ExcludedExercises,
            // Only ladder steps: the count of planned exercises does not depend on the dose, and an odd stored dose must not break the page.
            StrengthDoses = doses.Where(d => d.StrengthDose() is { } s && Ladder.IsStep(s)).ToDictionary(d => d.Exercise, d => d.StrengthDose()!.Value),
            StretchDoses = doses.Where(d => ExerciseCatalogue.Get(d.Exercise).Kind == ExerciseKind.Stretch && d.StretchDose() is { } s && StretchLadder.IsStep(d.Exercise, s))
                .ToDictionary(d => d.Exercise, d => d.StretchDose()!.Value),
        };
    }
}
