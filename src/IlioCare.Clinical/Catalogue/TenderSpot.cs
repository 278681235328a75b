namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// The tender spots of self-massage, in the order they are worked: top-down, as a to-do list. Article,
/// "Self massage": the most tender spots lie "near your navel, in the lower third and outside the front of
/// your pelvis, and at the very end … before attaching to his tendon"; SPEC §5 orders them top-down.
/// </summary>
public enum TenderSpot
{
    NearNavel,
    FrontOfPelvis,
    AboveTendon,
}
