namespace IlioCare.Clinical.Load;

/// <summary>One day's sport as the check-in recorded it (F8): minutes, whether the morning review found a flare.</summary>
public sealed record SportDay(DateOnly Date, int Minutes, bool Flare);

/// <summary>
/// Builds the weeks SPEC §7 judges from the daily check-ins: "completed consecutive ISO weeks, oldest
/// first … since the latest entry into return (excluding paused weeks)" (F8 pause mode).
/// </summary>
public static class LoadSeries
{
    /// <summary>The Monday of <paramref name="day"/>'s ISO week (weeks start on Monday, SPEC §7).</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Completed ISO weeks that start on or after <paramref name="from"/> and end before <paramref name="today"/>,
    /// minutes summed and <see cref="LoadWeek.Flare"/> set when any day of the week was a flare. A week with any
    /// paused day is left out (F8: "keeps paused weeks out of the load series").
    /// </summary>
    /// <remarks>
    /// Our choice where the spec is silent: <paramref name="from"/> is the return's count start (the day after
    /// the move), so a week begun in restore is not judged as return — the same rule the return → prevent move
    /// uses. Leaving a week out would break §7's "consecutive", so the weeks before a gap are relabelled one week
    /// later per gap: the series reads as if the pause had not happened (the caps and ratios only use the order).
    /// </remarks>
    public static IReadOnlyList<LoadWeek> Weeks(DateOnly from, DateOnly today, IEnumerable<SportDay> days, Func<DateOnly, bool> paused)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(paused);
        var byDate = days.ToDictionary(d => d.Date);
        var kept = new List<(int Minutes, bool Flare)>();
        var first = WeekStart(from) == from ? from : WeekStart(from).AddDays(7);
        var lastStart = first;
        for (var monday = first; monday.AddDays(7) <= today; monday = monday.AddDays(7))
        {
            var week = Enumerable.Range(0, 7).Select(monday.AddDays).ToArray();
            lastStart = monday;
            if (week.Any(paused)) continue;
            kept.Add((
                Math.Min(LoadContract.MinutesInWeek, week.Sum(d => byDate.TryGetValue(d, out var s) ? s.Minutes : 0)),
                week.Any(d => byDate.TryGetValue(d, out var s) && s.Flare)));
        }
        var newest = lastStart;
        return kept.Select((w, i) => new LoadWeek(newest.AddDays(-7 * (kept.Count - 1 - i)), w.Minutes, w.Flare)).ToArray();
    }

    /// <summary>
    /// The cap a flare leaves behind (SPEC §4 "held at the flare cap (§7)"): the week of the flare counts as a
    /// flare week, so the next cap is 90 % of its minutes within its cap. Our choice: its minutes are those up
    /// to and including the flare day, since the week is not over when the flare steps the program back.
    /// </summary>
    public static int FlareCap(int preInjuryWeeklyMinutes, int? startCap, IReadOnlyList<LoadWeek> weeksBefore, int flareWeekMinutes)
    {
        var capOfFlareWeek = LoadGuard.Evaluate(new LoadInput(preInjuryWeeklyMinutes, startCap, weeksBefore)).NextWeekCap;
        return WeeklyCap.Next(Math.Min(flareWeekMinutes, LoadContract.MinutesInWeek), capOfFlareWeek, flare: true);
    }
}
