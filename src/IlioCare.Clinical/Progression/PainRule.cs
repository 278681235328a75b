namespace IlioCare.Clinical.Progression;

/// <summary>When pain during an exercise counts as "pain rose" (SPEC §6).</summary>
public enum PainRule
{
    /// <summary>The article: "Stop if you feel any increased pain while exercising" — pain during above pain before. The default.</summary>
    Strict,
    /// <summary>Silbernagel's pain-monitoring model: pain during exercise up to 5/10 is accepted. Only a clinician can choose it.</summary>
    Monitoring,
}
