namespace IlioCare.Clinical.Program;

/// <summary>The four phases of the program (SPEC §4), in the order a recovery moves through them.</summary>
public enum Phase
{
    /// <summary>Relative rest from the aggravating sport, gentle pain-free stretches, self-massage.</summary>
    Settle,
    /// <summary>All five stretches and the three strengthening exercises once a day.</summary>
    Restore,
    /// <summary>Restore plus graded sport under the 10 % weekly cap (SPEC §7).</summary>
    Return,
    /// <summary>Warm-up before sport, stretches 3×/week, strengthening 2×/week.</summary>
    Prevent,
}
