namespace IlioCare.Clinical.Catalogue;

/// <summary>Safety wording shared by every catalogue entry.</summary>
internal static class Safety
{
    /// <summary>Article, "Strengthening": "Stop if you feel any increased pain while exercising" (SPEC §6 stop).</summary>
    public const string StopIfPainIncreases = "Stop if your pain goes up while you exercise, and press \"pain went up\".";
}
