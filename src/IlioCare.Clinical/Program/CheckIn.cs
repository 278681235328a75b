namespace IlioCare.Clinical.Program;

/// <summary>
/// One day's check-in (SPEC F8), the evidence every phase move is judged on (SPEC §4).
/// </summary>
/// <param name="Date">The day, in the patient's own time zone (SPEC §4 counts calendar days there).</param>
/// <param name="PainMorning">Morning pain, 0–10.</param>
/// <param name="StiffnessMinutes">How long morning stiffness lasted, 0–1440 minutes.</param>
/// <param name="PainNow">Pain at the check-in, 0–10; the phase moves and flares are judged on it.</param>
/// <param name="HasWarningSign">
/// A warning sign of <see cref="Assessment.WarningSigns.AskedAtCheckIn"/> new since the last check-in; any one
/// pauses the program (F3), so the engine needs only whether there was one. The host stores which.
/// </param>
/// <param name="SportMinutes">Sport that day, 0–1440 minutes (SPEC §7 sums them by week).</param>
/// <param name="StopsForPain">Exercises stopped with "pain went up" that day, 0–10 (one per exercise).</param>
/// <param name="HopTestPainFree">The 10-hop test on the sore leg: null when not asked, true pain-free, false painful.</param>
/// <param name="WarningSignChecked">
/// Every warning sign of that day was covered by a resume (F3): the patient took a new assessment without warning
/// signs and confirmed that a doctor has checked them. The sign no longer pauses the program, but the day stays a
/// day with a warning sign: no dose goes up on it and it never counts as a calm day (<see cref="SafetyNet"/>).
/// </param>
/// <param name="Paused">
/// A holiday or illness day (F8). It is not a day of the program, so it does not count towards a move and a
/// run of days starts again after it; its warning signs and flares still count (the safety net never pauses).
/// </param>
public sealed record CheckIn(
    DateOnly Date,
    int PainMorning,
    int StiffnessMinutes,
    int PainNow,
    bool HasWarningSign = false,
    int SportMinutes = 0,
    int StopsForPain = 0,
    bool? HopTestPainFree = null,
    bool Paused = false,
    bool WarningSignChecked = false)
{
    /// <summary>A warning sign that still pauses the program: reported and not yet covered by a resume (F3).</summary>
    public bool PausesProgram => HasWarningSign && !WarningSignChecked;

    private const int MinutesInDay = 24 * 60;
    private const int ExercisesInCatalogue = 10;

    public int PainMorning { get; } = InRange(PainMorning, 0, 10, nameof(PainMorning));

    public int StiffnessMinutes { get; } = InRange(StiffnessMinutes, 0, MinutesInDay, nameof(StiffnessMinutes));

    public int PainNow { get; } = InRange(PainNow, 0, 10, nameof(PainNow));

    public int SportMinutes { get; } = InRange(SportMinutes, 0, MinutesInDay, nameof(SportMinutes));

    public int StopsForPain { get; } = InRange(StopsForPain, 0, ExercisesInCatalogue, nameof(StopsForPain));

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be {min}–{max}.");
}
