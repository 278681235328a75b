namespace IlioCare.Data;

/// <summary>Why a patient paused the program on purpose (F8 pause mode).</summary>
public enum PauseReason { Holiday, Illness }

/// <summary>
/// A holiday or illness pause (F8): from <see cref="StartedOn"/> until <see cref="EndedOn"/> (null while it
/// lasts), both local dates inclusive. Paused days are no program days (no session, counts do not advance)
/// and weeks touched by a pause stay out of the load series (SPEC §7 "excluding paused weeks").
/// </summary>
public sealed class PauseRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public PauseReason Reason { get; set; }

    public bool Covers(DateOnly day) => day >= StartedOn && (EndedOn is null || day <= EndedOn);
}
