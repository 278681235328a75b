using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>Properties of SPEC §6 over any valid input, with an independent reading of the rules as the oracle.</summary>
public class ProgressionPropertyTests
{
    private static readonly Gen<Dose> Step = Gen.Elements(Ladder.Steps.ToArray());

    private static readonly Gen<Dose> OffLadder =
        from sets in Gen.Choose(1, 10)
        from reps in Gen.Choose(1, 50)
        from resistance in Gen.Elements(Enum.GetValues<Resistance>())
        select new Dose(sets, reps, resistance);

    private static Gen<ExerciseSession> Session(Dose current, int day) =>
        from dose in Gen.Frequency((6, Gen.Constant(current)), (1, Step), (1, OffLadder))
        from completed in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
        from stopped in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from morning in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Gen.Choose(0, 10)))
        from before in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Gen.Choose(0, 10)))
        from during in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Gen.Choose(0, 10)))
        from next in Gen.Frequency((4, Gen.Choose(0, 4).Select(n => (int?)n)), (1, Gen.Constant((int?)null)))
        select new ExerciseSession(Sessions.Day0.AddDays(day), dose, completed, stopped, morning, before, during, next);

    /// <summary>Any input the contract accepts: a ladder step, either rule, 0–6 sessions 1–4 days apart.</summary>
    public static readonly Gen<ProgressionInput> Inputs =
        from current in Step
        from rule in Gen.Elements(Enum.GetValues<PainRule>())
        from gaps in Gen.Choose(1, 4).ListOf().Select(g => g.Take(6).ToArray())
        from sessions in Gen.CollectToArray(gaps.Select((_, i) => gaps.Take(i + 1).Sum()).Select(day => Session(current, day)))
        from exercise in Gen.Elements(ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion)
        select new ProgressionInput(exercise, rule, current, sessions);

    private static bool SpecStop(ExerciseSession<Dose> s, PainRule rule) =>
        s.StoppedForPain || (rule == PainRule.Strict ? s.PainDuring > s.PainBefore : s.PainDuring > 5);

    private static bool SpecRegress(ExerciseSession<Dose> s) => s.PainNextMorning is { } next && next > s.PainMorning;

    [Property(MaxTest = 3000)]
    public Property Decide_NextIsAlwaysALadderStepWithinOneOfCurrent() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var decision = Progressor.Decide(input);
            var from = Ladder.IndexOf(input.Current)!.Value;
            var to = Ladder.IndexOf(decision.Next);
            var expected = decision.Action switch
            {
                ProgressionAction.Progress => from + 1,
                ProgressionAction.Hold => from,
                ProgressionAction.Stop or ProgressionAction.Regress => Math.Max(0, from - 1),
            };
            return (to == expected).Label($"{Wire.Of(decision.Action)} from step {from} to {to?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off the ladder"}");
        });

    [Property(MaxTest = 3000)]
    public Property Decide_NeverProgressesAfterASessionThatMeetsStopOrRegress() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var decision = Progressor.Decide(input);
            var painful = input.Sessions.TakeLast(3).Any(s => SpecStop(s, input.PainRule) || SpecRegress(s));
            return (!painful || decision.Action != ProgressionAction.Progress)
                .Classify(decision.Action == ProgressionAction.Progress, "progress");
        });

    [Property(MaxTest = 3000)]
    public Property Decide_AgreesWithTheSpecReadLiterally() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var expected = Oracle(input);
            var decision = Progressor.Decide(input);
            return (decision.Action == expected).Label($"{Wire.Of(decision.Action)} vs spec {Wire.Of(expected)}")
                .And(!string.IsNullOrWhiteSpace(decision.Reason));
        });

    /// <summary>SPEC §6, first rule that fits wins.</summary>
    private static ProgressionAction Oracle(ProgressionInput input)
    {
        if (input.Sessions.Count == 0) return ProgressionAction.Hold;
        var latest = input.Sessions[^1];
        if (SpecStop(latest, input.PainRule)) return ProgressionAction.Stop;
        if (SpecRegress(latest)) return ProgressionAction.Regress;
        var last = input.Sessions.TakeLast(3).ToArray();
        var progress = last.Length == 3
                       && last.All(s => s.Dose == input.Current && s.Completed && !SpecStop(s, input.PainRule) && !SpecRegress(s)
                                        && s.PainNextMorning is not null)
                       && last[0].Date >= last[2].Date.AddDays(-6)
                       && input.Current != Ladder.Top;
        return progress ? ProgressionAction.Progress : ProgressionAction.Hold;
    }
}
