using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.Summary;

/// <summary>
/// What was tried and how it went (F4), from <see cref="PatientHistory"/>: phases, exercises and doses, week by
/// week check-ins, sessions, stops and sport against the cap, and the first-week/last-week pain trend. The rules
/// stay in IlioCare.Clinical: planned days come from <see cref="SessionPlanner"/>, the caps from the check-in's
/// <see cref="SportLoad"/> (LoadGuard); this class only counts and averages.
/// </summary>
internal static class ProgramFacts
{
    public static ProgramRecord? Build(PatientHistory history, DateOnly today)
    {
        var states = history.States.Where(s => s.EffectiveOn <= today).ToList();
        if (states.Count == 0) return null;
        var start = states[0].EffectiveOn;
        var checkIns = history.CheckIns.Where(c => c.Date >= start && c.Date <= today).ToList();
        var logs = history.Logs.Where(l => l.Date <= today).ToList();

        var weeks = new List<WeekFacts>();
        for (var monday = LoadSeries.WeekStart(start); monday <= today; monday = monday.AddDays(7))
            weeks.Add(Week(history, monday, start, today, checkIns, logs));

        return new ProgramRecord(
            states[^1].Phase,
            states.Select(s => new PhaseStep(s.EffectiveOn, s.Phase, s.Move, s.PausedForWarningSign, s.Reason)).ToArray(),
            Exercises(history, states[^1].Phase, logs, today),
            weeks,
            logs.Where(l => l.StoppedForPain).OrderBy(l => l.Date).Select(l => (l.Date, ExerciseCatalogue.Get(l.Exercise).Name)).ToArray(),
            Trend(checkIns),
            history.Profile.PreInjuryWeeklyMinutes,
            SportLoad.For(history, today).Allowance.Text,
            checkIns.Count);
    }

    private static WeekFacts Week(PatientHistory history, DateOnly monday, DateOnly start, DateOnly today,
        List<CheckInRecord> checkIns, List<ExerciseLogRecord> logs)
    {
        var from = monday < start ? start : monday;
        var to = monday.AddDays(6) > today ? today : monday.AddDays(6);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToArray();
        var week = checkIns.Where(c => c.Date >= from && c.Date <= to).ToList();
        var logged = logs.Where(l => l.Date >= from && l.Date <= to).Select(l => l.Date).ToHashSet();
        // Our simple count: a planned day counts as done when at least one exercise was logged that day; planned are
        // the days the planner had exercises for. Today counts once its session is logged (the day is not over).
        var planned = days.Where(d => Planned(history, d) && (d < today || logged.Contains(d))).ToArray();
        return new WeekFacts(
            monday, week.Count,
            Mean(week, c => c.PainNow), Mean(week, c => c.PainMorning), Mean(week, c => c.StiffnessMinutes),
            planned.Count(logged.Contains), planned.Length,
            logs.Count(l => l.StoppedForPain && l.Date >= from && l.Date <= to),
            history.SportMinutesBetween(from, to),
            SportLoad.For(history, to).Allowance.CapMinutes,
            days.Any(history.Paused) || days.Any(history.PausedForWarningSign));
    }

    /// <summary>
    /// Was a session planned on <paramref name="day"/>? Not when paused (F3, F8); otherwise when
    /// <see cref="SessionPlanner"/> gives that day's phase any exercise (prevent plans only some weekdays). The
    /// warm-up before sport is left out: it belongs to the sport, not to the session.
    /// </summary>
    private static bool Planned(PatientHistory history, DateOnly day)
    {
        if (history.StateRecordOn(day) is not { } state || history.PausedForWarningSign(day) || history.Paused(day)) return false;
        var session = SessionPlanner.For(new SessionRequest(state.Phase, day)
        {
            MassageExcluded = !history.Profile.SelfMassageAllowed,
            ExcludedByClinician = history.Profile.ExcludedExercises,
        });
        return session.Items.Any(i => i.Exercise.Kind != ExerciseKind.WarmUp);
    }

    /// <summary>The current phase's exercises and any other exercise ever logged, in catalogue order.</summary>
    private static ExerciseTried[] Exercises(PatientHistory history, Phase phase, List<ExerciseLogRecord> logs, DateOnly today)
    {
        var profile = history.Profile;
        var inPlan = ExerciseCatalogue.ForPhase(phase)
            .Where(e => !profile.ExcludedExercises.Contains(e.Id))
            .Where(e => e.Kind != ExerciseKind.Massage || profile.SelfMassageAllowed)
            .Select(e => e.Id).ToHashSet();
        var loggedIds = logs.Select(l => l.Exercise).ToHashSet();
        return ExerciseCatalogue.All.Where(e => inPlan.Contains(e.Id) || loggedIds.Contains(e.Id)).Select(e =>
        {
            var doses = history.Doses.Where(d => d.Exercise == e.Id && d.EffectiveFrom <= today).ToList(); // oldest first
            var mine = logs.Where(l => l.Exercise == e.Id).ToList();
            return new ExerciseTried(e, DoseText(e, doses.FirstOrDefault()), DoseText(e, doses.LastOrDefault()), doses.LastOrDefault()?.Reason,
                mine.Count, mine.Count(l => l.StoppedForPain), inPlan.Contains(e.Id));
        }).ToArray();
    }

    /// <summary>A dose record in words; no record yet means the floor of the ladder (where every program starts).</summary>
    private static string DoseText(Exercise exercise, DoseRecord? record) => exercise.Kind switch
    {
        ExerciseKind.Strength => (record?.StrengthDose() ?? Ladder.Floor).ToString(),
        ExerciseKind.Stretch => (record?.StretchDose() ?? StretchLadder.Floor(exercise.Id)).ToString(),
        ExerciseKind.Massage or ExerciseKind.WarmUp => exercise.DoseText,
    };

    /// <summary>
    /// First week against last week: the first 7 days from the first check-in, and the last 7 days up to the latest
    /// one, never overlapping (the last week starts after the first ends). Null until the check-ins span 8 days.
    /// </summary>
    internal static PainTrend? Trend(List<CheckInRecord> checkIns)
    {
        if (checkIns.Count == 0) return null;
        var first = checkIns.Min(c => c.Date);
        var last = checkIns.Max(c => c.Date);
        if (last.DayNumber - first.DayNumber < 7) return null;
        var firstTo = first.AddDays(6);
        var lastFrom = last.AddDays(-6) > firstTo ? last.AddDays(-6) : firstTo.AddDays(1);
        return new PainTrend(Window(checkIns, first, firstTo), Window(checkIns, lastFrom, last),
            checkIns.OrderBy(c => c.Date).Select(c => (c.Date, c.PainNow)).ToArray());
    }

    private static Averages Window(List<CheckInRecord> checkIns, DateOnly from, DateOnly to)
    {
        var inside = checkIns.Where(c => c.Date >= from && c.Date <= to).ToList();
        return new Averages(from, to, inside.Count, Mean(inside, c => c.PainNow)!.Value, Mean(inside, c => c.PainMorning)!.Value,
            Mean(inside, c => c.StiffnessMinutes)!.Value);
    }

    /// <summary>The mean to one decimal, half away from zero (as SPEC §7 rounds); null for no check-ins.</summary>
    private static decimal? Mean(List<CheckInRecord> checkIns, Func<CheckInRecord, int> value) =>
        checkIns.Count == 0 ? null : Math.Round((decimal)checkIns.Sum(value) / checkIns.Count, 1, MidpointRounding.AwayFromZero);
}
