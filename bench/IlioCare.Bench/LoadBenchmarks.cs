using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using IlioCare.Clinical.Load;

namespace IlioCare.Bench;

/// <summary>SPEC §7 over a month and a year of weeks: the load guard alone, and <c>iliocare load</c> JSON in → JSON out.</summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class LoadBenchmarks
{
    private static readonly DateOnly s_today = new(2026, 11, 24);

    [Params(4, 52)]
    public int Weeks { get; set; }

    private string _json = "";
    private LoadInput _input = null!;

    /// <summary>Consecutive Mondays ending last week, minutes creeping up with a flare every 10th week: every rule computes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var lastMonday = s_today.AddDays(-7 - ((int)s_today.DayOfWeek + 6) % 7);
        var json = new StringBuilder("""{"preInjuryWeeklyMinutes":300,"weeks":[""");
        for (var i = 0; i < Weeks; i++)
        {
            var monday = lastMonday.AddDays(7 * (i - Weeks + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var flare = i % 10 == 9 ? "true" : "false";
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"weekStart":"{{monday}}","minutes":{{150 + 5 * i}},"flare":{{flare}}}""");
        }
        _json = json.Append("]}").ToString();
        _input = LoadContract.Read(_json, s_today).Value ?? throw new InvalidOperationException("bad benchmark input");
    }

    [Benchmark]
    public LoadReport Engine() => LoadGuard.Evaluate(_input);

    [Benchmark]
    public string JsonInJsonOut() => LoadContract.Write(LoadGuard.Evaluate(LoadContract.Read(_json, s_today).Value!));
}
