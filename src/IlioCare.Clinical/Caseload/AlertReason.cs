using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Caseload;

/// <summary>Which sentence an alert's reason is (issue 16): a page words each in the reader's language.</summary>
public enum AlertReasonCode
{
    WarningSignReported, PausedSinceSign, PausedSince, SeverePain, Flare,
    FlareBySeverePain, FlareByRise, FlareBySecondStop, FlareJudged, Stopped, NoCheckInSince, NoCheckInYet,
}

/// <summary>
/// An alert's reason as a code and its parts (issue 16), so that a Spanish page can word it instead of showing the
/// English sentence. <see cref="Text"/> is that English sentence (<see cref="AlertWords"/>), which the API and the
/// CLI keep; only the parts the code uses are set.
/// </summary>
public sealed record AlertReason(AlertReasonCode Code, string Text)
{
    public IReadOnlyList<WarningSign> Signs { get; init; } = [];
    public DateOnly? Day { get; init; }
    public int? Pain { get; init; }
    /// <summary>How far pain rose above the average of the check-ins before (a flare by a rise).</summary>
    public double? Rise { get; init; }
    /// <summary>How many check-ins the average covers, or how many stops in the window.</summary>
    public int? Count { get; init; }
    public int? WindowDays { get; init; }
    /// <summary>A catalogue exercise; null for a clinician's own exercise, named by <see cref="CustomExercise"/>.</summary>
    public ExerciseId? Exercise { get; init; }
    public string? CustomExercise { get; init; }
    /// <summary>A flare's own reason.</summary>
    public AlertReason? Why { get; init; }
}
