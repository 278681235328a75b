using IlioCare.Clinical.Load;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>
/// Everything the phase moves are judged on besides the state and today (SPEC §4).
/// </summary>
public sealed record PhaseEvidence
{
    /// <summary>
    /// The check-ins, at most one per date, in any order (kept oldest first). Pass the three before the
    /// count start too: a flare compares pain now with the mean of the previous three, whatever their phase.
    /// </summary>
    public IReadOnlyList<CheckIn> CheckIns
    {
        get;
        init
        {
            var sorted = value.OrderBy(c => c.Date).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Date == sorted[i - 1].Date)
                    throw new ArgumentException($"Two check-ins on {sorted[i].Date:yyyy-MM-dd}.", nameof(CheckIns));
            }
            field = sorted;
        }
    } = [];

    /// <summary>Current dose of each strengthening exercise; a missing one counts as the floor (no resistance).</summary>
    public IReadOnlyDictionary<ExerciseId, Dose> StrengthDoses { get; init; } = ReadOnlyDictionary<ExerciseId, Dose>.Empty;

    /// <summary>Exercises a clinician left out; they do not hold back restore → return.</summary>
    public IReadOnlySet<ExerciseId> ExcludedByClinician { get; init; } = FrozenSet<ExerciseId>.Empty;

    /// <summary>Weekly sport minutes before the injury (SPEC §7), the target of return → prevent.</summary>
    public int PreInjuryWeeklyMinutes
    {
        get;
        init => field = value is >= 0 and <= 7 * 24 * 60
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PreInjuryWeeklyMinutes), value, "Must be 0–10080.");
    }

    /// <summary>Completed weeks of sport, paused weeks left out (SPEC §7).</summary>
    public IReadOnlyList<LoadWeek> ReturnWeeks { get; init; } = [];
}
