using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>
/// How much history the morning review of a day reads (issue 17): derived from the rules' own windows, so a bounded
/// read decides exactly as the whole history does (docs/performance.md "How cost grows"; equality test
/// <c>ReviewWindowTests</c>). For the review of day D (and of any later day) the host reads:
/// <list type="bullet">
/// <item>every check-in, exercise log and custom-exercise log from <see cref="FullFrom"/>(D) on;</item>
/// <item>the <see cref="CheckInsBefore"/> latest check-ins before that day;</item>
/// <item>per exercise, the <see cref="SessionsBefore"/> latest sessions before that day (logs on a day with a
/// check-in, as <see cref="SessionHistory.Join"/> keeps them), with the check-ins of their day and the next;</item>
/// <item>program states, pauses and the narrow sport days in full, and the doses in force before that day.</item>
/// </list>
/// </summary>
public static class ReviewWindow
{
    /// <summary>
    /// The longest run of days in a row a phase move counts (SPEC §4: restore → return needs 7 days in a row,
    /// <see cref="PhaseMoves.RestoreDays"/>; settle needs 3, <see cref="PhaseMoves.SettleDays"/>). Beyond it the count
    /// only needs to be "at least this many", so the walk back (<c>PhaseMoves.DaysInARow</c>) may stop there.
    /// </summary>
    public const int LongestRun = PhaseMoves.RestoreDays > PhaseMoves.SettleDays ? PhaseMoves.RestoreDays : PhaseMoves.SettleDays;

    /// <summary>
    /// Each day of that run is tested for a flare (SPEC §4 "a second stop within 7 days", <see cref="Flare.StopWindowDays"/>):
    /// its stops and those of the 6 days before it.
    /// </summary>
    public const int StopLookBackDays = Flare.StopWindowDays - 1;

    /// <summary>
    /// The flare's pain rule compares pain now with the mean of the previous 3 check-ins at any date (SPEC §4,
    /// <see cref="Flare.MeanOver"/>): the 3 latest before the window are read whatever their age.
    /// </summary>
    public const int CheckInsBefore = Flare.MeanOver;

    /// <summary>
    /// SPEC §6 judges an exercise on its latest session and the last 3 (<see cref="Progressor.SessionsToProgress"/>),
    /// at any date: the 3 latest sessions before the window are read whatever their age.
    /// </summary>
    public const int SessionsBefore = Progressor.SessionsToProgress;

    /// <summary>
    /// The first day read in full for the review of <paramref name="day"/>: the run of <see cref="LongestRun"/> days
    /// ending on it, and the <see cref="StopLookBackDays"/> days of stops before the run's first day (12 days before).
    /// </summary>
    public static DateOnly FullFrom(DateOnly day) => day.AddDays(-(LongestRun - 1) - StopLookBackDays);
}
