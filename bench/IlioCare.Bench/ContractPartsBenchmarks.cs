using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IlioCare.Clinical.Progression;

namespace IlioCare.Bench;

/// <summary>
/// Where the time of a JSON-in → JSON-out call goes, on the biggest input (a 30-session progression):
/// System.Text.Json's parse alone, the strict contract read (parse + validation + building the input),
/// the engine, and writing the output.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class ContractPartsBenchmarks
{
    private readonly ProgressBenchmarks _source = new() { Sessions = 30 };
    private string _json = "";
    private DateOnly _today;
    private ProgressionInput _input = null!;
    private ProgressionDecision _decision = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source.Setup();
        (_json, _today) = (_source.Json, ProgressBenchmarks.Today);
        _input = ProgressionContract.Read(_json, _today).Value!;
        _decision = Progressor.Decide(_input);
    }

    [Benchmark]
    public JsonValueKind ParseOnly()
    {
        using var doc = JsonDocument.Parse(_json);
        return doc.RootElement.ValueKind;
    }

    [Benchmark]
    public ProgressionInput? Read() => ProgressionContract.Read(_json, _today).Value;

    [Benchmark]
    public ProgressionDecision Decide() => Progressor.Decide(_input);

    [Benchmark]
    public string Write() => ProgressionContract.Write(_decision);
}
