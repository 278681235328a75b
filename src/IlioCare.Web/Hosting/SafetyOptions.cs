namespace IlioCare.Web.Hosting;

/// <summary>Per-deployment safety settings (SPEC F18), section <c>Safety</c>.</summary>
public sealed class SafetyOptions
{
    /// <summary>Shown on every urgent and emergency screen; 112 reaches emergency services across the EU.</summary>
    public string EmergencyNumber { get; set; } = "112";
}
