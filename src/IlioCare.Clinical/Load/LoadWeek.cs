namespace IlioCare.Clinical.Load;

/// <summary>
/// One completed ISO week of sport (SPEC §7): starts on a Monday; <see cref="Flare"/> when a flare (SPEC §4)
/// happened in it. The load guard and the return → prevent move (SPEC §4) read the same weeks; the caller
/// leaves paused weeks out (F8).
/// </summary>
public sealed record LoadWeek(DateOnly WeekStart, int Minutes, bool Flare)
{
    public DateOnly WeekStart { get; } = WeekStart.DayOfWeek == DayOfWeek.Monday
        ? WeekStart
        : throw new ArgumentOutOfRangeException(nameof(WeekStart), WeekStart, "A week starts on a Monday.");

    public int Minutes { get; } = Minutes is >= 0 and <= LoadContract.MinutesInWeek
        ? Minutes
        : throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, "Minutes must be 0–10080.");
}

/// <summary>What the load guard judges (SPEC §7): consecutive completed weeks since the latest entry into return, oldest first.</summary>
public sealed record LoadInput
{
    public LoadInput(int preInjuryWeeklyMinutes, int? startCap, IReadOnlyList<LoadWeek> weeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(preInjuryWeeklyMinutes);
        for (var i = 1; i < weeks.Count; i++)
        {
            if (weeks[i].WeekStart != weeks[i - 1].WeekStart.AddDays(7))
                throw new ArgumentException($"Week {i} does not follow week {i - 1}.", nameof(weeks));
        }
        (PreInjuryWeeklyMinutes, StartCap, Weeks) = (preInjuryWeeklyMinutes, startCap, weeks);
    }

    public int PreInjuryWeeklyMinutes { get; }
    /// <summary>The flare cap when return is re-entered after a flare; null on a first entry.</summary>
    public int? StartCap { get; }
    public IReadOnlyList<LoadWeek> Weeks { get; }
}

/// <summary>Where the acute:chronic workload ratio falls (SPEC §7). Information only: it never moves a phase or a cap.</summary>
public enum AcwrZone { Low, SweetSpot, Caution, HighRisk }

/// <summary>The load guard's answer (SPEC §7 output), plus the cap of every week for charts.</summary>
/// <param name="Caps">The cap that applied to each input week, then the next week's cap (one more than the weeks).</param>
public sealed record LoadReport(
    int NextWeekCap,
    decimal? IncreasePercent,
    decimal? Acwr,
    AcwrZone? Zone,
    IReadOnlyList<Finding> Warnings,
    IReadOnlyList<int> Caps);
