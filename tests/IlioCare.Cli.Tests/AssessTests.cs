using System.Text.Json;

namespace IlioCare.Cli.Tests;

/// <summary><c>iliocare assess</c>: SPEC §3 in on stdin, the triage out on stdout (F17).</summary>
public class AssessTests
{
    private static readonly string[] s_outputMembers = ["triage", "reasons", "patterns", "startPhase", "disclaimer"];

    private static JsonElement Assess(string json)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run(["assess"], json);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var result = Json.Object(stdout);
        Assert.Equal(s_outputMembers, Json.Names(result));
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("disclaimer").GetString()));
        return result;
    }

    [Fact]
    public void Assess_NoWarningSigns_IsSelfCareStartingInRestore()
    {
        var result = Assess("""{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":[]}""");

        Assert.Equal("self-care", result.GetProperty("triage").GetString());
        Assert.Empty(Json.Codes(result.GetProperty("reasons")));
        Assert.Empty(Json.Codes(result.GetProperty("patterns")));
        Assert.Equal("restore", result.GetProperty("startPhase").GetString());
    }

    [Fact]
    public void Assess_RoutineFlagAndCombinations_ReasonsInSpecOrderAndStartInSettle()
    {
        var result = Assess("""{"age":70,"side":"right","symptomDays":10,"painNow":3,"painWorst":8,"flags":["night-pain"]}""");

        Assert.Equal("routine", result.GetProperty("triage").GetString());
        // Bare flag rules first, then the named routine rules in SPEC §3 order.
        Assert.Equal(["night-pain", "pain-worst", "age-50-plus"], Json.Codes(result.GetProperty("reasons")));
        // A routine rule fired on a flag → settle.
        Assert.Equal("settle", result.GetProperty("startPhase").GetString());
    }

    [Fact]
    public void Assess_FeverWithRedWarmSkin_IsEmergencyWithNoPhaseAndNoPatterns()
    {
        var result = Assess("""
            {"age":40,"side":"left","symptomDays":3,"painNow":6,"painWorst":7,"flags":["red-warm-skin","fever"],
             "painSites":["groin"],"aggravators":["hip-flexion"],"activities":["running"],"snapping":true}
            """);

        Assert.Equal("emergency", result.GetProperty("triage").GetString());
        // Highest level first; the bare urgent flags in SPEC order whatever order they came in.
        Assert.Equal(["possible-infection", "fever", "red-warm-skin"], Json.Codes(result.GetProperty("reasons")));
        Assert.Empty(Json.Codes(result.GetProperty("patterns")));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("startPhase").ValueKind);
    }

    [Fact]
    public void Assess_HipFlexorRunnerWithSnapping_NamesAllThreePatterns()
    {
        var result = Assess("""
            {"age":28,"side":"both","symptomDays":20,"painNow":2,"painWorst":4,"flags":[],"sex":"female",
             "painSites":["front-of-hip"],"aggravators":["stairs"],"activities":["running"],"snapping":true,
             "morningStiffness":true,"stiffnessEasesDuringDay":true}
            """);

        Assert.Equal("self-care", result.GetProperty("triage").GetString());
        Assert.Equal(["iliopsoas-related", "snapping-hip", "overuse"], Json.Codes(result.GetProperty("patterns")));
        Assert.Equal("restore", result.GetProperty("startPhase").GetString());
    }
}
