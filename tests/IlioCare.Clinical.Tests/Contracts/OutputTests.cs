using System.Text.Json;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>The output shapes of SPEC §3, §6 and §7: member names, order, wire spellings, numbers and nulls.</summary>
public class OutputTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void AssessmentOutput_EmergencyHasCodesTextsNullStartPhaseAndDisclaimer()
    {
        var input = AssessmentContract.Read("""{"age":30,"side":"left","symptomDays":7,"painNow":2,"painWorst":3,"flags":["red-warm-skin","fever"]}""").Value!;

        var root = Root(AssessmentContract.Write(Assessor.Assess(input)));

        Assert.Equal(["triage", "reasons", "patterns", "startPhase", "disclaimer"], Names(root));
        Assert.Equal("emergency", root.GetProperty("triage").GetString());
        Assert.Equal(["possible-infection", "fever", "red-warm-skin"], root.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.All(root.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(["code", "text"], Names(r)));
        Assert.Equal(0, root.GetProperty("patterns").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("startPhase").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("disclaimer").GetString()));
    }

    [Fact]
    public void AssessmentOutput_SelfCareHasStartPhaseAndPatterns()
    {
        var input = AssessmentContract.Read("""{"age":30,"side":"both","symptomDays":7,"painNow":2,"painWorst":3,"flags":[],"painSites":["groin"],"aggravators":["stairs"]}""").Value!;

        var root = Root(AssessmentContract.Write(Assessor.Assess(input)));

        Assert.Equal("self-care", root.GetProperty("triage").GetString());
        Assert.Equal("restore", root.GetProperty("startPhase").GetString());
        Assert.Equal("iliopsoas-related", root.GetProperty("patterns")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void ProgressionOutput_HasActionNextAndReason()
    {
        var input = ProgressionContract.Read("""
            {"exercise":"seated-marching","painRule":"monitoring","current":{"sets":3,"reps":20,"resistance":"none"},
             "sessions":[{"date":"2026-03-09","sets":3,"reps":20,"resistance":"none","completed":true,"stoppedForPain":false,
                          "painMorning":1,"painBefore":1,"painDuring":6,"painNextMorning":null}]}
            """, Today).Value!;

        var root = Root(ProgressionContract.Write(Progressor.Decide(input)));

        Assert.Equal(["action", "next", "reason"], Names(root));
        Assert.Equal("stop", root.GetProperty("action").GetString());
        var next = root.GetProperty("next");
        Assert.Equal(["sets", "reps", "resistance"], Names(next));
        Assert.Equal((3, 15, "none"), (next.GetProperty("sets").GetInt32(), next.GetProperty("reps").GetInt32(), next.GetProperty("resistance").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("reason").GetString()));
    }

    [Fact]
    public void LoadOutput_HasNumbersZoneAndWarnings()
    {
        var input = LoadContract.Read("""
            {"preInjuryWeeklyMinutes":200,"weeks":[{"weekStart":"2026-02-16","minutes":100,"flare":false},
             {"weekStart":"2026-02-23","minutes":110,"flare":false},{"weekStart":"2026-03-02","minutes":10,"flare":false},
             {"weekStart":"2026-03-09","minutes":200,"flare":false}]}
            """, Today).Value!;

        var root = Root(LoadContract.Write(LoadGuard.Evaluate(input)));

        Assert.Equal(["nextWeekCap", "increasePercent", "acwr", "zone", "warnings"], Names(root));
        Assert.Equal(12, root.GetProperty("nextWeekCap").GetInt32());
        Assert.Equal(1900m, root.GetProperty("increasePercent").GetDecimal());
        Assert.Equal(1.9m, root.GetProperty("acwr").GetDecimal());
        Assert.Equal("high-risk", root.GetProperty("zone").GetString());
        Assert.Equal(["over-cap", "over-10-percent", "high-acwr"], root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
    }

    [Fact]
    public void LoadOutput_NoWeeksHasCapOneAndNulls()
    {
        var root = Root(LoadContract.Write(LoadGuard.Evaluate(LoadContract.Read("""{"preInjuryWeeklyMinutes":201}""", Today).Value!)));

        Assert.Equal(100, root.GetProperty("nextWeekCap").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("increasePercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("acwr").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("zone").ValueKind);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData(40, 39, "-2.5")]
    [InlineData(200, 221, "10.5")]
    [InlineData(400, 401, "0.3")]
    [InlineData(3, 4, "33.3")]
    public void LoadOutput_IncreasePercentIsWrittenAsTheRoundedNumber(int before, int last, string written)
    {
        var root = Root(LoadContract.Write(Load.Weeks.Minutes(before, last)));

        Assert.Equal(written, root.GetProperty("increasePercent").GetRawText());
    }
}
