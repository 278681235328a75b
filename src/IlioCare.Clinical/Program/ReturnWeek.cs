namespace IlioCare.Clinical.Program;

/// <summary>
/// A completed ISO week of sport in return (SPEC §7's week: Monday start, minutes, whether it held a flare).
/// The caller leaves paused weeks out, as it does for the load series (F8).
/// </summary>
public sealed record ReturnWeek(DateOnly WeekStart, int Minutes, bool Flare)
{
    public DateOnly WeekStart { get; } = WeekStart.DayOfWeek == DayOfWeek.Monday
        ? WeekStart
        : throw new ArgumentOutOfRangeException(nameof(WeekStart), WeekStart, "A week starts on a Monday.");

    public int Minutes { get; } = Minutes is >= 0 and <= 7 * 24 * 60
        ? Minutes
        : throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, "Minutes must be 0–10080.");
}
