namespace IlioCare.Data;

/// <summary>
/// One of the three activities a patient named for the Patient-Specific Functional Scale (F11; Stratford
/// et al. 1995): things they cannot do, or find hard, because of the hip ("run 5 km", "climb stairs").
/// Named once; <see cref="Position"/> 1–3 keeps their order.
/// </summary>
public sealed class FunctionalScaleActivity
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The weekly rating of one named activity (F11): 0 = unable to do it, 10 = able to do it as before the
/// injury. One per activity per ISO week (the patient's local Monday); a second rating that week replaces it.
/// </summary>
public sealed class FunctionalScaleRating
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Position { get; set; }
    public int Score { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
