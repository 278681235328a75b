namespace IlioCare.Clinical.Progression;

/// <summary>
/// External resistance for a strengthening exercise, lightest first (SPEC §5: band or ankle cuff
/// weight; the article: "Resistance can be increased by the weight of the cuff or by the resistance band").
/// </summary>
public enum Resistance
{
    None,
    Light,
    Medium,
    Heavy,
}
