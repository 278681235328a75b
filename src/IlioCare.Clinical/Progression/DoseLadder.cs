namespace IlioCare.Clinical.Progression;

/// <summary>
/// Any dose ladder, floor first: the strengthening ladder (<see cref="Ladder"/>) and each stretch's
/// (<see cref="StretchLadder"/>) are walked by the same §6 rules, so they share one way to step.
/// </summary>
internal sealed class DoseLadder<TDose>(IReadOnlyList<TDose> steps) where TDose : struct
{
    public TDose Floor => steps[0];
    public TDose Top => steps[^1];

    public TDose StepUp(TDose dose) => steps[Math.Min(IndexOf(dose) + 1, steps.Count - 1)];
    public TDose StepDown(TDose dose) => steps[Math.Max(IndexOf(dose) - 1, 0)];

    private int IndexOf(TDose dose)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (EqualityComparer<TDose>.Default.Equals(steps[i], dose)) return i;
        }
        throw new ArgumentOutOfRangeException(nameof(dose), dose, "Not a step of this ladder.");
    }
}
