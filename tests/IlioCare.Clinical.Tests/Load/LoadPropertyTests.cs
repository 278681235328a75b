using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IlioCare.Clinical.Load;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>Properties of SPEC §7 over any valid input, with an independent reading of the cap rule as the oracle.</summary>
public class LoadPropertyTests
{
    private static readonly Gen<int> Minutes = Gen.Frequency((4, Gen.Choose(0, 300)), (1, Gen.Choose(0, 10080)));

    public static readonly Gen<LoadInput> Inputs =
        from pre in Minutes
        from startCap in Gen.Frequency((2, Gen.Constant((int?)null)), (1, Minutes.Select(m => (int?)m)))
        from weeks in Gen.Zip(Minutes, Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))).ListOf()
        select new LoadInput(pre, startCap,
            weeks.Take(10).Select((w, i) => new LoadWeek(Weeks.FirstMonday.AddDays(7 * i), w.Item1, w.Item2)).ToArray());

    [Property(MaxTest = 3000)]
    public Property Evaluate_NextCapNeverExceedsTenPercentOverLastWeek() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var report = LoadGuard.Evaluate(input);
            var last = input.Weeks.Count == 0 ? null : input.Weeks[^1];
            return last is null || report.NextWeekCap <= Math.Max(10, 11 * last.Minutes / 10);
        });

    [Property(MaxTest = 3000)]
    public Property Evaluate_AfterAFlareWeekNextCapIsBelowLastWeeksMinutesAndCap() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var report = LoadGuard.Evaluate(input);
            return input.Weeks.Count == 0 || !input.Weeks[^1].Flare
                || (report.NextWeekCap <= input.Weeks[^1].Minutes && report.NextWeekCap <= report.Caps[^2]);
        });

    [Property(MaxTest = 3000)]
    public Property Evaluate_AgreesWithTheSpecReadLiterally() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var report = LoadGuard.Evaluate(input);
            var w = input.Weeks;
            var cap = input.StartCap ?? Math.Max(10, input.PreInjuryWeeklyMinutes / 2);
            var lastCap = cap;
            foreach (var week in w)
            {
                lastCap = cap;
                var b = Math.Min(week.Minutes, cap);
                cap = week.Flare ? 9 * b / 10 : Math.Max(10, 11 * b / 10);
            }
            decimal? increase = w.Count >= 2 && w[^2].Minutes > 0
                ? Math.Round((w[^1].Minutes - w[^2].Minutes) * 100m / w[^2].Minutes, 1, MidpointRounding.AwayFromZero) : null;
            var mean = w.Count >= 4 ? w.TakeLast(4).Sum(x => x.Minutes) / 4m : 0m;
            decimal? acwr = mean > 0 ? Math.Round(w[^1].Minutes / mean, 2, MidpointRounding.AwayFromZero) : null;
            var warnings = new List<string>();
            if (w.Count > 0 && w[^1].Minutes > lastCap) warnings.Add("over-cap");
            if (increase > 10m) warnings.Add("over-10-percent");
            if (acwr > 1.5m) warnings.Add("high-acwr");
            return (report.NextWeekCap == cap).Label($"cap {report.NextWeekCap} vs spec {cap}")
                .And((report.IncreasePercent == increase).Label($"increase {report.IncreasePercent} vs spec {increase}"))
                .And((report.Acwr == acwr).Label($"acwr {report.Acwr} vs spec {acwr}"))
                .And(Wire.Codes(report.Warnings).SequenceEqual(warnings).Label("warnings"));
        });
}
