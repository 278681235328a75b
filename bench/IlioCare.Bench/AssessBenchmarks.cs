using BenchmarkDotNet.Attributes;
using IlioCare.Clinical.Assessment;

namespace IlioCare.Bench;

/// <summary>SPEC §3: the triage rules alone, and the whole <c>iliocare assess</c> contract JSON in → JSON out.</summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class AssessBenchmarks
{
    /// <summary>A runner with hip-flexor pain and two routine flags: most rules evaluated, three patterns named.</summary>
    private readonly string _json = """
        {"age":52,"side":"left","symptomDays":21,"painNow":4,"painWorst":6,"flags":["night-pain","joint-pain"],
         "sex":"female","painSites":["front-of-hip","groin"],"aggravators":["hip-flexion","stairs"],
         "activities":["running","cycling"],"morningStiffness":true,"stiffnessEasesDuringDay":true,
         "limp":false,"snapping":true,"worsening":false,"recentLoadIncrease":true}
        """;

    private AssessmentInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = AssessmentContract.Read(_json).Value ?? throw new InvalidOperationException("bad benchmark input");

    [Benchmark]
    public AssessmentResult Engine() => Assessor.Assess(_input);

    [Benchmark]
    public string JsonInJsonOut() => AssessmentContract.Write(Assessor.Assess(AssessmentContract.Read(_json).Value!));
}
