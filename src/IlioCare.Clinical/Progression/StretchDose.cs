namespace IlioCare.Clinical.Progression;

/// <summary>
/// What a stretch asks for in one session (SPEC §5): <see cref="Count"/> repetitions on each side, or, for a
/// held stretch (<see cref="HoldSeconds"/> &gt; 0, the butterfly), <see cref="Count"/> holds of that many seconds.
/// </summary>
public readonly record struct StretchDose(int Count, int HoldSeconds)
{
    public int Count { get; } = Count > 0 ? Count : throw new ArgumentOutOfRangeException(nameof(Count), Count, "A stretch needs at least one repetition.");

    public int HoldSeconds { get; } = HoldSeconds >= 0 ? HoldSeconds : throw new ArgumentOutOfRangeException(nameof(HoldSeconds), HoldSeconds, "A hold cannot be negative.");

    public bool IsHeld => HoldSeconds > 0;

    /// <summary>"10 on each side" / "3 holds of 20 seconds" — the words a patient reads.</summary>
    public override string ToString() => IsHeld ? $"{Count} holds of {HoldSeconds} seconds" : $"{Count} on each side";
}
