using System.Text.Json;

namespace IlioCare.Cli.Tests;

/// <summary><c>iliocare load</c>: SPEC §7 in on stdin, next week's cap and the warnings out on stdout (F17).</summary>
public class LoadTests
{
    private static JsonElement Load(string json)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run(["load"], json);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var result = Json.Object(stdout);
        Assert.Equal(["nextWeekCap", "increasePercent", "acwr", "zone", "warnings"], Json.Names(result));
        return result;
    }

    private static string Weeks(params int[] minutes) =>
        "[" + string.Join(',', minutes.Select((m, i) =>
            $$"""{"weekStart":"{{new DateOnly(2026, 9, 7).AddDays(7 * i):yyyy-MM-dd}}","minutes":{{m}},"flare":false}""")) + "]";

    [Fact]
    public void Load_NoWeeks_CapIsStartCapAndEverythingElseNull()
    {
        var result = Load("""{"preInjuryWeeklyMinutes":30,"startCap":40}""");

        Assert.Equal(40, result.GetProperty("nextWeekCap").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("increasePercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("acwr").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("zone").ValueKind);
        Assert.Empty(Json.Codes(result.GetProperty("warnings")));
    }

    [Fact]
    public void Load_FourWeeksWithinCap_NoWarningsInSweetSpot()
    {
        // Caps 100 → 110 → 115 → 121; last week 115 ≤ 121 → next floor(1.1 × 115) = 126.
        var result = Load($$"""{"preInjuryWeeklyMinutes":200,"weeks":{{Weeks(100, 105, 110, 115)}}}""");

        Assert.Equal(126, result.GetProperty("nextWeekCap").GetInt32());
        Assert.Equal(4.5m, result.GetProperty("increasePercent").GetDecimal()); // 5 ÷ 110 = 4.545… %
        Assert.Equal(1.07m, result.GetProperty("acwr").GetDecimal()); // 115 ÷ (430 ÷ 4) = 1.069…
        Assert.Equal("sweet-spot", result.GetProperty("zone").GetString());
        Assert.Empty(Json.Codes(result.GetProperty("warnings")));
    }

    [Fact]
    public void Load_JumpPastTheCap_WarnsOverCapOver10PercentAndHighAcwr()
    {
        // Caps 100 → 11 → 11 → 11; 200 minutes run past 11 and count as 11 → next floor(12.1) = 12.
        var result = Load($$"""{"preInjuryWeeklyMinutes":200,"weeks":{{Weeks(10, 10, 10, 200)}}}""");

        Assert.Equal(12, result.GetProperty("nextWeekCap").GetInt32());
        Assert.Equal(1900m, result.GetProperty("increasePercent").GetDecimal());
        Assert.Equal(3.48m, result.GetProperty("acwr").GetDecimal()); // 200 ÷ 57.5 = 3.478…
        Assert.Equal("high-risk", result.GetProperty("zone").GetString());
        Assert.Equal(["over-cap", "over-10-percent", "high-acwr"], Json.Codes(result.GetProperty("warnings")));
    }
}
