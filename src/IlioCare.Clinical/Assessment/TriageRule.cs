namespace IlioCare.Clinical.Assessment;

/// <summary>One line of SPEC §3: at <paramref name="Level"/>, <paramref name="Code"/> fires when <paramref name="Fires"/> holds.</summary>
/// <param name="StartsInSettle">A routine rule that sends the program to settle (SPEC §3 startPhase).</param>
internal sealed record TriageRule(TriageLevel Level, string Code, string Text, Func<AssessmentInput, bool> Fires, bool StartsInSettle);
