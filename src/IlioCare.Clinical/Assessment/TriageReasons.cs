namespace IlioCare.Clinical.Assessment;

/// <summary>
/// The level of a reason code of SPEC §3, so a result page can say "why we say go now" with only the reasons of
/// that level under it: a routine reason (pain 8 out of 10) under an emergency heading would read as the reason to go.
/// </summary>
public static class TriageReasons
{
    /// <summary>
    /// Codes of earlier revisions that stored results still carry: what a patient was told stays what they were told
    /// (AssessmentRecord), and their page must still place each reason at its level.
    /// </summary>
    private static readonly Dictionary<string, TriageLevel> Retired = new(StringComparer.Ordinal)
    {
        // SPEC §3 revision 3 replaced child-fever-limp (age < 18, fever or chills, limp; emergency) with child-fever.
        ["child-fever-limp"] = TriageLevel.Emergency,
    };

    private static readonly Dictionary<string, TriageLevel> Levels = TriageRules.All
        .Select(r => KeyValuePair.Create(r.Code, r.Level))
        .Concat(Retired)
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>Every reason code a stored or new result can carry (issue 16: each has patient words in both languages).</summary>
    public static IReadOnlyCollection<string> Codes => Levels.Keys;

    /// <summary>The level at which the rule with <paramref name="code"/> fires; null for a code no revision has had.</summary>
    public static TriageLevel? LevelOf(string code) => Levels.TryGetValue(code, out var level) ? level : null;
}
