namespace IlioCare.Clinical.Catalogue;

/// <summary>What an exercise does for the hip; decides how the session player counts it (SPEC §5, F7).</summary>
public enum ExerciseKind
{
    /// <summary>The five stretches (article, "Stretches and exercises for prevention").</summary>
    Stretch,
    /// <summary>The three strengthening exercises, on the resistance ladder (article, "Strengthening"; SPEC §6).</summary>
    Strength,
    /// <summary>Finger-technique self-massage of tender spots (article, "Self massage").</summary>
    Massage,
    /// <summary>Raising muscle temperature before sport (article, "Physical therapy").</summary>
    WarmUp,
}
