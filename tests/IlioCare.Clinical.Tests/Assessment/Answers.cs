using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>
/// A questionnaire that reaches no rule of SPEC §3 (30 years, one side, a week, pain 2 now and 3 at worst),
/// changed with <c>with</c> one answer at a time. Lists are comma-separated wire names.
/// </summary>
internal sealed record Answers
{
    public int Age { get; init; } = 30;
    public string Side { get; init; } = "left";
    public int SymptomDays { get; init; } = 7;
    public int PainNow { get; init; } = 2;
    public int PainWorst { get; init; } = 3;
    public string Flags { get; init; } = "";
    public string Sites { get; init; } = "";
    public string Aggravators { get; init; } = "";
    public string Activities { get; init; } = "";
    public bool MorningStiffness { get; init; }
    public bool StiffnessEases { get; init; }
    public bool Limp { get; init; }
    public bool Snapping { get; init; }
    public bool Worsening { get; init; }
    public bool RecentLoadIncrease { get; init; }
    public bool PregnantOrPostpartum { get; init; }
    public bool BloodThinners { get; init; }

    public AssessmentInput ToInput() =>
        new(Age, Wire.Parse<Side>(Side), SymptomDays, PainNow, PainWorst, Wire.Set<WarningSign>(Flags))
        {
            PainSites = Wire.Set<PainSite>(Sites),
            Aggravators = Wire.Set<Aggravator>(Aggravators),
            Activities = Wire.Set<Activity>(Activities),
            MorningStiffness = MorningStiffness,
            StiffnessEasesDuringDay = StiffnessEases,
            Limp = Limp,
            Snapping = Snapping,
            Worsening = Worsening,
            RecentLoadIncrease = RecentLoadIncrease,
            PregnantOrPostpartum = PregnantOrPostpartum,
            BloodThinners = BloodThinners,
        };

    public AssessmentResult Assess() => Assessor.Assess(ToInput());
}

internal static class ResultExtensions
{
    public static string Level(this AssessmentResult r) => Wire.Of(r.Triage);
    public static string[] ReasonCodes(this AssessmentResult r) => Wire.Codes(r.Reasons);
    public static string[] PatternCodes(this AssessmentResult r) => Wire.Codes(r.Patterns);
    public static string? Phase(this AssessmentResult r) => Wire.Of(r.StartPhase);
}
