namespace IlioCare.Clinical;

/// <summary>A reason, a pattern or a warning: a stable code for software, words for a person.</summary>
public sealed record Finding(string Code, string Text);
