namespace IlioCare.Clinical.Progression;

/// <summary>
/// One day's work on one exercise (SPEC §6 session). <see cref="Dose"/> is what was done, which may be off
/// the ladder; pains are 0–10. Strengthening uses <see cref="ExerciseSession"/>; stretches, which move by
/// the same rules (SPEC §5), use <c>ExerciseSession&lt;StretchDose&gt;</c>.
/// </summary>
/// <param name="PainMorning">That day's morning check-in pain.</param>
/// <param name="PainNextMorning">The next morning's check-in pain; null while unknown.</param>
public record ExerciseSession<TDose>(
    DateOnly Date,
    TDose Dose,
    bool Completed,
    bool StoppedForPain,
    int PainMorning,
    int PainBefore,
    int PainDuring,
    int? PainNextMorning)
{
    /// <summary>SPEC §6 stop: stopped for pain, or pain rose during it under the active rule.</summary>
    public bool MeetsStop(PainRule rule) => StoppedForPain || PainRoseDuring(rule);

    public bool PainRoseDuring(PainRule rule) => rule switch
    {
        PainRule.Strict => PainDuring > PainBefore,
        // Silbernagel et al.: up to 5/10 during exercise is acceptable (SPEC §6).
        PainRule.Monitoring => PainDuring > 5,
    };

    /// <summary>SPEC §6 regress: pain had not settled by the next morning.</summary>
    public bool MeetsRegress => PainNextMorning is { } next && next > PainMorning;
}

/// <summary>One day's work on one strengthening exercise (the SPEC §6 contract's session).</summary>
public sealed record ExerciseSession(
    DateOnly Date, Dose Dose, bool Completed, bool StoppedForPain, int PainMorning, int PainBefore, int PainDuring, int? PainNextMorning)
    : ExerciseSession<Dose>(Date, Dose, Completed, StoppedForPain, PainMorning, PainBefore, PainDuring, PainNextMorning);
