using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>
/// Check-in histories written as one token per calendar day from <see cref="Start"/>: the pain now, then
/// flags — s a stop for pain (ss two), p paused, w warning sign, h hop test pain-free, H hop test painful —
/// or "_" for a day without a check-in. "1 1s _ 2p" is four days. Morning stiffness is 10 minutes.
/// </summary>
internal static class History
{
    /// <summary>A Monday, so week starts line up with day numbers 0, 7, 14…</summary>
    public static readonly DateOnly Start = new(2025, 3, 3);

    public static DateOnly Day(int n) => Start.AddDays(n);

    public static CheckIn[] Parse(string days, int stiffness = 10) =>
        days.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((token, n) => (token, n))
            .Where(t => t.token != "_")
            .Select(t => ToCheckIn(t.token, Day(t.n), stiffness))
            .ToArray();

    /// <summary>The day of the last token: the engine's "today".</summary>
    public static DateOnly Today(string days) => Day(days.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - 1);

    public static PhaseEvidence Evidence(string days, int stiffness = 10) => new()
    {
        CheckIns = Parse(days, stiffness),
        StrengthDoses = AllAt(Resistance.Light),
    };

    public static Dictionary<ExerciseId, Dose> AllAt(Resistance resistance) =>
        ExerciseCatalogue.Strengthening.ToDictionary(id => id, _ => new Dose(2, 15, resistance));

    public static PhaseDecision Decide(Phase phase, string days, int countsFromDay = 0) =>
        PhaseMoves.Decide(new ProgramState(phase, Day(countsFromDay)), Evidence(days), Today(days));

    private static CheckIn ToCheckIn(string token, DateOnly date, int stiffness)
    {
        var digits = new string(token.TakeWhile(char.IsDigit).ToArray());
        var flags = token[digits.Length..];
        var pain = int.Parse(digits, CultureInfo.InvariantCulture);
        return new CheckIn(date, pain, stiffness, pain,
            HasWarningSign: flags.Contains('w', StringComparison.Ordinal),
            StopsForPain: flags.Count(f => f == 's'),
            HopTestPainFree: flags.Contains('h', StringComparison.Ordinal) ? true : flags.Contains('H', StringComparison.Ordinal) ? false : null,
            Paused: flags.Contains('p', StringComparison.Ordinal));
    }
}
