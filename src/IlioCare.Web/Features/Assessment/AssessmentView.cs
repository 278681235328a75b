using System.Text.Json;
using IlioCare.Clinical;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;

namespace IlioCare.Web.Features.Assessment;

/// <summary>A stored SPEC §3 output, read back for the result page exactly as it was given.</summary>
internal sealed record AssessmentView(TriageLevel Triage, IReadOnlyList<Finding> Reasons, IReadOnlyList<Finding> Patterns, Phase? StartPhase, string Disclaimer)
{
    public bool SeeDoctorFirst => StartPhase is null;

    public static AssessmentView FromResultJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new(
            Parse<TriageLevel>(root.GetProperty("triage").GetString()),
            Findings(root.GetProperty("reasons")),
            Findings(root.GetProperty("patterns")),
            root.GetProperty("startPhase").ValueKind == JsonValueKind.Null ? null : Parse<Phase>(root.GetProperty("startPhase").GetString()),
            root.GetProperty("disclaimer").GetString() ?? "");
    }

    private static T Parse<T>(string? name) where T : struct, Enum =>
        WireName.TryParse<T>(name, out var value) ? value : throw new InvalidOperationException($"stored result has an unknown {typeof(T).Name} '{name}'");

    private static Finding[] Findings(JsonElement list) =>
        list.EnumerateArray().Select(f => new Finding(f.GetProperty("code").GetString()!, f.GetProperty("text").GetString()!)).ToArray();
}
