using System.Globalization;

namespace IlioCare.Clinical.Program;

/// <summary>
/// A flare (SPEC §4): a check-in with pain now ≥ 7, or pain now ≥ 2 above the mean of the 3 previous
/// check-ins, or a second stop within 7 days. It steps the program back a phase.
/// </summary>
public static class Flare
{
    /// <summary>Pain now at which a check-in is a flare on its own (SPEC §4).</summary>
    public const int SeverePain = 7;

    /// <summary>Rise of pain now above the mean of the previous check-ins that makes a flare (SPEC §4).</summary>
    public const int RiseAboveMean = 2;

    /// <summary>How many previous check-ins the mean is taken over (SPEC §4).</summary>
    public const int MeanOver = 3;

    /// <summary>The window in which a second stop is a flare: the day and the 6 before it (SPEC §4, as §6's span).</summary>
    public const int StopWindowDays = 7;

    /// <summary>
    /// Why <paramref name="checkIn"/> is a flare, or null when it is not.
    /// </summary>
    /// <param name="checkIn">The check-in judged.</param>
    /// <param name="history">All known check-ins, oldest first (may include <paramref name="checkIn"/>).</param>
    /// <param name="countsFrom">
    /// Stops before this day are not counted: like every count, the stop count restarts at a phase change,
    /// so the stops that caused one flare cannot cause a second. The pain mean, by contrast, takes the 3
    /// previous check-ins whatever their phase: the patient's pain baseline does not reset with the phase.
    /// With fewer than 3 previous check-ins the mean rule does not apply yet.
    /// </param>
    public static string? Find(CheckIn checkIn, IReadOnlyList<CheckIn> history, DateOnly countsFrom)
    {
        if (checkIn.PainNow >= SeverePain)
            return $"pain now is {checkIn.PainNow}, which is {SeverePain} or more";

        var previous = history.Where(c => c.Date < checkIn.Date).TakeLast(MeanOver).ToArray();
        // pain now − mean ≥ 2, in whole numbers: 3 × pain now − sum ≥ 3 × 2.
        if (previous.Length == MeanOver &&
            MeanOver * checkIn.PainNow - previous.Sum(c => c.PainNow) >= MeanOver * RiseAboveMean)
        {
            var mean = previous.Average(c => c.PainNow).ToString("0.#", CultureInfo.InvariantCulture);
            return $"pain now is {checkIn.PainNow}, {RiseAboveMean} or more above your average of {mean} over the last {MeanOver} check-ins";
        }

        var windowStart = checkIn.Date.AddDays(1 - StopWindowDays);
        var earlierStops = history
            .Where(c => c.Date >= windowStart && c.Date < checkIn.Date && c.Date >= countsFrom)
            .Sum(c => c.StopsForPain);
        if (checkIn.StopsForPain > 0 && earlierStops + checkIn.StopsForPain >= 2)
            return $"this is a second exercise stopped for pain within {StopWindowDays} days";

        return null;
    }
}
