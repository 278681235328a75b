namespace IlioCare.Data;

/// <summary>
/// A form post or API write already carried out, by its idempotency key (issue 14): a phone that lost the network
/// sends its queued check-in or exercise log again when it is back, possibly twice (a retry after a lost answer, two
/// tabs replaying at once). The row is written in the same transaction as the write it stands for, and its primary
/// key (account, key) makes a second insert fail, so a key is carried out at most once, even when two copies arrive
/// together on different instances.
/// </summary>
public sealed class ProcessedRequest
{
    /// <summary>Longest key accepted: a UUID is 36 characters; room for other clients' formats.</summary>
    public const int MaxKeyLength = 64;

    public required string AccountId { get; set; }

    /// <summary>The client's key (the form's hidden <c>RequestKey</c> or the <c>Idempotency-Key</c> header).</summary>
    public required string Key { get; set; }

    /// <summary>What it was ("check-in", "exercise-log"), for a reader of the table.</summary>
    public required string Kind { get; set; }

    public DateTime ProcessedAtUtc { get; set; }
}
