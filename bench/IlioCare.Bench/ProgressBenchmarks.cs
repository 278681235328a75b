using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using IlioCare.Clinical.Progression;

namespace IlioCare.Bench;

/// <summary>SPEC §6 with a short and a long session history: the ladder alone, and <c>iliocare progress</c> JSON in → JSON out.</summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class ProgressBenchmarks
{
    /// <summary>The "today" session dates are checked against (SPEC §2: no later than today + 1 day).</summary>
    public static DateOnly Today { get; } = new(2026, 11, 24);

    [Params(3, 30)]
    public int Sessions { get; set; }

    /// <summary>The input as <c>iliocare progress</c> reads it from stdin.</summary>
    public string Json { get; private set; } = "";

    private ProgressionInput _input = null!;

    /// <summary>One session a day up to yesterday, all calm at 2×20 light: the engine walks every progress check and steps up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("""{"exercise":"seated-marching","painRule":"strict","current":{"sets":2,"reps":20,"resistance":"light"},"sessions":[""");
        for (var i = 0; i < Sessions; i++)
        {
            var date = Today.AddDays(i - Sessions).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"date":"{{date}}","sets":2,"reps":20,"resistance":"light","completed":true,"stoppedForPain":false,"painMorning":2,"painBefore":2,"painDuring":2,"painNextMorning":2}""");
        }
        Json = json.Append("]}").ToString();
        _input = ProgressionContract.Read(Json, Today).Value ?? throw new InvalidOperationException("bad benchmark input");
        if (Progressor.Decide(_input).Action != ProgressionAction.Progress) throw new InvalidOperationException("expected a progress");
    }

    [Benchmark]
    public ProgressionDecision Engine() => Progressor.Decide(_input);

    [Benchmark]
    public string JsonInJsonOut() => ProgressionContract.Write(Progressor.Decide(ProgressionContract.Read(Json, Today).Value!));
}
