using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Data;

/// <summary>
/// What the session player recorded for one exercise on one day (F7, F8): the dose done, done or stopped,
/// pain before and during, and what was really counted. One per exercise per local date; doing it again that day replaces it.
/// Strengthening fills sets/reps/resistance, stretches count/hold seconds; massage and warm-up neither.
/// </summary>
public sealed class ExerciseLogRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public DateOnly Date { get; set; }
    public ExerciseId Exercise { get; set; }
    public int? Sets { get; set; }
    public int? Reps { get; set; }
    public Resistance? Resistance { get; set; }
    public int? Count { get; set; }
    public int? HoldSeconds { get; set; }
    /// <summary>
    /// Every planned repetition, hold or stroke was counted (issue 14). False with <see cref="StoppedForPain"/>
    /// false is "partly done": the engine treats it as not completed (SPEC §6).
    /// </summary>
    public bool Completed { get; set; }
    /// <summary>Repetitions, holds or strokes actually counted, across all sets, sides and spots; null on logs from before the player counted.</summary>
    public int? DoneCount { get; set; }
    /// <summary>What today's plan asked for, counted the same way (<c>SessionCount.Planned</c>); null on older logs.</summary>
    public int? PlannedCount { get; set; }
    /// <summary>The "pain went up" button (F7): the exercise stopped and the next review steps it down (SPEC §6 stop).</summary>
    public bool StoppedForPain { get; set; }
    public int PainBefore { get; set; }
    public int PainDuring { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
