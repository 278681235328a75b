using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Load;

namespace IlioCare.Clinical.Program;

/// <summary>One past day's adherence (F11): the exercises the day's session planned, and how many of them were done.</summary>
public sealed record AdherenceDay(DateOnly Date, int Planned, int Done);

/// <summary>One ISO week's adherence (F11): the planned and done exercises of its program days, summed.</summary>
/// <param name="Days">Days of the week with something planned (paused days and rest days are not in it).</param>
public sealed record AdherenceWeek(DateOnly WeekStart, int Planned, int Done, int Days)
{
    /// <summary>Done ÷ planned in whole percent, half away from zero (as SPEC §7 rounds).</summary>
    public int Percent => (int)Math.Round(100m * Done / Planned, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Adherence, "sessions done vs planned" (F11). What was planned on a day is what <see cref="SessionPlanner"/>
/// built for it (the phase, doses, pause and sport day in force then), so the chart can never count an exercise
/// the patient was not asked to do: settle's missing strengthening, prevent's rest days and paused days plan
/// nothing and drop out. Our choices where the spec is silent: an exercise counts as done only when logged
/// completed — a "pain went up" stop is the right thing to do but not a done exercise; an exercise logged but
/// not in that day's plan does not count; a day without a check-in still planned its session (it was due).
/// </summary>
public static class Adherence
{
    public static AdherenceDay Day(Session session, IEnumerable<ExerciseId> completed)
    {
        ArgumentNullException.ThrowIfNull(session);
        var done = completed.ToHashSet();
        return new(session.Date, session.Items.Count, session.Items.Count(i => done.Contains(i.Exercise.Id)));
    }

    /// <summary>Program days grouped by ISO week (Monday first, SPEC §7 weeks), oldest first; days that planned nothing are left out.</summary>
    public static IReadOnlyList<AdherenceWeek> Weeks(IEnumerable<AdherenceDay> days) =>
        days.Where(d => d.Planned > 0)
            .GroupBy(d => LoadSeries.WeekStart(d.Date))
            .OrderBy(g => g.Key)
            .Select(g => new AdherenceWeek(g.Key, g.Sum(d => d.Planned), g.Sum(d => d.Done), g.Count()))
            .ToArray();
}
