namespace IlioCare.Clinical.Catalogue;

/// <summary>Stable exercise ids (SPEC §5); their wire names ("lying-hip-rotation", …) never change.</summary>
public enum ExerciseId
{
    // The five stretches of the article ("Stretches and exercises for prevention").
    LyingHipRotation,
    ButterflyStretch,
    SideKick,
    HipRaise,
    LegRaise,
    // The three strengthening exercises of the article ("Strengthening").
    StraightLegRaise,
    SeatedMarching,
    StandingBandHipFlexion,
    // "Self massage" and the warm-up "before sports activities" (article, "Physical therapy").
    SelfMassage,
    SportWarmUp,
}
