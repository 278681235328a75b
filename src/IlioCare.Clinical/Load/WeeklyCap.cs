namespace IlioCare.Clinical.Load;

/// <summary>
/// The 10 % rule as a cap on next week's sport minutes (SPEC §7). The article: "Follow the rule of not
/// increasing the activity rate by no more than 10% per week" and "start small and build slowly".
/// Integer arithmetic throughout, so every client gets the same minutes.
/// </summary>
public static class WeeklyCap
{
    /// <summary>The smallest cap after a normal week: a little sport is always allowed back in (SPEC §7).</summary>
    public const int MinimumCap = 10;

    /// <summary>First week back: half the pre-injury minutes, at least 10 (SPEC §7 cap₁).</summary>
    public static int First(int preInjuryWeeklyMinutes) => Math.Max(MinimumCap, preInjuryWeeklyMinutes / 2);

    /// <summary>
    /// Next week's cap from this week's minutes and cap. Only minutes within the cap count (running past
    /// the cap does not raise the next one). After a flare week: 90 % of that, with no floor; otherwise
    /// +10 % (floor(11 × base / 10)), at least 10 (SPEC §7).
    /// </summary>
    public static int Next(int minutes, int cap, bool flare)
    {
        var counted = Math.Min(minutes, cap);
        return flare ? counted * 9 / 10 : Math.Max(MinimumCap, counted * 11 / 10);
    }
}
