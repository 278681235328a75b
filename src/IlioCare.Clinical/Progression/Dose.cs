namespace IlioCare.Clinical.Progression;

/// <summary>What a strengthening exercise asks for in one session: sets × reps at a resistance.</summary>
public readonly record struct Dose(int Sets, int Reps, Resistance Resistance)
{
    /// <summary>"2×15, no resistance" / "3×20, heavy resistance" — the words a patient reads.</summary>
    public override string ToString() => Resistance switch
    {
        Resistance.None => $"{Sets}×{Reps}, no resistance",
        Resistance.Light => $"{Sets}×{Reps}, light resistance",
        Resistance.Medium => $"{Sets}×{Reps}, medium resistance",
        Resistance.Heavy => $"{Sets}×{Reps}, heavy resistance",
    };
}
