namespace IlioCare.Clinical.Assessment;

/// <summary>
/// The answers of the self-assessment (SPEC §3), already validated: build it through
/// <see cref="AssessmentContract"/> from JSON, or directly with values in range (the constructor checks).
/// </summary>
public sealed record AssessmentInput
{
    public AssessmentInput(int age, Side side, int symptomDays, int painNow, int painWorst, IEnumerable<WarningSign> flags)
    {
        // Ranges from SPEC §3; the contract reader reports them per field, this guards direct callers.
        ArgumentOutOfRangeException.ThrowIfLessThan(age, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(age, 110);
        ArgumentOutOfRangeException.ThrowIfNegative(symptomDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symptomDays, 3650);
        ArgumentOutOfRangeException.ThrowIfNegative(painNow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(painWorst, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(painWorst, painNow);
        Age = age;
        Side = side;
        SymptomDays = symptomDays;
        PainNow = painNow;
        PainWorst = painWorst;
        Flags = flags.ToHashSet();
    }

    public int Age { get; }
    public Side Side { get; }
    /// <summary>How long it has hurt, in days.</summary>
    public int SymptomDays { get; }
    /// <summary>Pain now, 0–10.</summary>
    public int PainNow { get; }
    /// <summary>Worst pain in the last 24 hours, 0–10, never below <see cref="PainNow"/>.</summary>
    public int PainWorst { get; }
    public IReadOnlySet<WarningSign> Flags { get; }

    public Sex? Sex { get; init; }
    public IReadOnlySet<PainSite> PainSites { get; init; } = new HashSet<PainSite>();
    public IReadOnlySet<Aggravator> Aggravators { get; init; } = new HashSet<Aggravator>();
    public IReadOnlySet<Activity> Activities { get; init; } = new HashSet<Activity>();
    public bool MorningStiffness { get; init; }
    public bool StiffnessEasesDuringDay { get; init; }
    public bool Limp { get; init; }
    public bool Snapping { get; init; }
    /// <summary>Getting worse despite rest.</summary>
    public bool Worsening { get; init; }
    public bool RecentLoadIncrease { get; init; }
    /// <summary>Pregnant now, or gave birth in the last 6 weeks (SPEC §3 revision 3): a risk factor, not a flag.</summary>
    public bool PregnantOrPostpartum { get; init; }
    /// <summary>Takes a blood-thinning medicine: warfarin, a DOAC, heparin injections (SPEC §3 revision 3): a risk factor, not a flag.</summary>
    public bool BloodThinners { get; init; }

    public bool Has(WarningSign sign) => Flags.Contains(sign);
}
