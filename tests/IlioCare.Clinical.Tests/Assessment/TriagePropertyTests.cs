using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>Properties of SPEC §3 over any valid questionnaire.</summary>
public class TriagePropertyTests
{
    private static readonly WarningSign[] Signs = Enum.GetValues<WarningSign>();

    private static Gen<HashSet<T>> SmallSet<T>(int max) where T : struct, Enum =>
        Gen.Choose(0, max).SelectMany(n => Gen.Elements(Enum.GetValues<T>()).ListOf(n)).Select(l => l.ToHashSet());

    private static readonly Gen<bool> Coin = Gen.Elements(true, false);

    /// <summary>Any answers the contract accepts; few flags at a time so every level turns up.</summary>
    public static readonly Gen<AssessmentInput> Answers =
        from age in Gen.Frequency((1, Gen.Choose(10, 110)), (1, Gen.Elements(10, 17, 18, 49, 50, 64, 65)))
        from side in Gen.Elements(Enum.GetValues<Side>())
        from days in Gen.Frequency((1, Gen.Choose(0, 3650)), (1, Gen.Choose(35, 50)), (1, Gen.Choose(0, 2)))
        from now in Gen.Choose(0, 10)
        from worst in Gen.Choose(now, 10)
        from flags in SmallSet<WarningSign>(3)
        from sites in SmallSet<PainSite>(3)
        from aggravators in SmallSet<Aggravator>(3)
        from activities in SmallSet<Activity>(2)
        from bools in Coin.ArrayOf(10)
        select new AssessmentInput(age, side, days, now, worst, flags)
        {
            Sex = bools[6] ? Sex.Female : null,
            PregnantOrPostpartum = bools[7] && bools[8],
            BloodThinners = bools[9] && bools[8],
            PainSites = sites,
            Aggravators = aggravators,
            Activities = activities,
            MorningStiffness = bools[0],
            StiffnessEasesDuringDay = bools[1],
            Limp = bools[2],
            Snapping = bools[3],
            Worsening = bools[4],
            RecentLoadIncrease = bools[5],
        };

    private static AssessmentInput WithFlag(AssessmentInput a, WarningSign sign) =>
        new(a.Age, a.Side, a.SymptomDays, a.PainNow, a.PainWorst, a.Flags.Append(sign))
        {
            Sex = a.Sex, PainSites = a.PainSites, Aggravators = a.Aggravators, Activities = a.Activities,
            MorningStiffness = a.MorningStiffness, StiffnessEasesDuringDay = a.StiffnessEasesDuringDay, Limp = a.Limp,
            Snapping = a.Snapping, Worsening = a.Worsening, RecentLoadIncrease = a.RecentLoadIncrease,
            PregnantOrPostpartum = a.PregnantOrPostpartum, BloodThinners = a.BloodThinners,
        };

    [Property(MaxTest = 2000)]
    public Property Assess_AddingAWarningSign_NeverLowersTheLevel() =>
        Prop.ForAll(Answers.ToArbitrary(), Gen.Elements(Signs).ToArbitrary(), (input, sign) =>
        {
            var before = Assessor.Assess(input);
            var after = Assessor.Assess(WithFlag(input, sign));
            return (after.Triage >= before.Triage)
                .Label($"{Wire.Of(before.Triage)} → {Wire.Of(after.Triage)} after adding {Wire.Of(sign)}")
                .And(before.Reasons.All(r => after.Reasons.Contains(r)).Label("every earlier reason is still given"));
        });

    [Property(MaxTest = 2000)]
    public Property Assess_UrgentOrEmergency_HasNullStartPhaseAndNoPatterns() =>
        Prop.ForAll(Answers.ToArbitrary(), input =>
        {
            var result = Assessor.Assess(input);
            var doctorFirst = result.Triage is TriageLevel.Urgent or TriageLevel.Emergency;
            return doctorFirst
                ? result.StartPhase is null && result.Patterns.Count == 0
                : result.StartPhase is not null;
        });

    [Property(MaxTest = 2000)]
    public Property Assess_LevelIsTheHighestReachedAndReasonsAreHighestLevelFirst() =>
        Prop.ForAll(Answers.ToArbitrary(), input =>
        {
            var result = Assessor.Assess(input);
            var levels = result.Reasons.Select(r => TriageOracle.LevelOf(r.Code)).ToArray();
            var expected = levels.Length == 0 ? TriageLevel.SelfCare : levels.Max();
            return (result.Triage == expected)
                .And(levels.Zip(levels.Skip(1)).All(p => p.First >= p.Second))
                .And(result.Reasons.Select(r => r.Code).Distinct().Count() == result.Reasons.Count);
        });

    [Property(MaxTest = 3000)]
    public Property Assess_AgreesWithTheSpecReadLiterally() =>
        Prop.ForAll(Answers.ToArbitrary(), input =>
        {
            var result = Assessor.Assess(input);
            var reasons = TriageOracle.Reasons(input);
            return (result.Reasons.Select(r => r.Code).SequenceEqual(reasons))
                    .Label($"reasons {string.Join(",", result.Reasons.Select(r => r.Code))} vs spec {string.Join(",", reasons)}")
                .And((Wire.Of(result.StartPhase) == TriageOracle.StartPhase(input, reasons)).Label("startPhase"))
                .And(result.Patterns.Select(p => p.Code).SequenceEqual(TriageOracle.Patterns(input, reasons)).Label("patterns"));
        });
}
