using System.Text.Json;

namespace IlioCare.Cli.Tests;

/// <summary><c>iliocare progress</c>: SPEC §6 in on stdin, the next dose out on stdout (F17).</summary>
public class ProgressTests
{
    private static string Session(string date, string dose, int before = 2, int during = 2, int morning = 2, int next = 2, bool stopped = false) =>
        $$"""{"date":"{{date}}",{{dose}},"completed":true,"stoppedForPain":{{(stopped ? "true" : "false")}},"painMorning":{{morning}},"painBefore":{{before}},"painDuring":{{during}},"painNextMorning":{{next}}}""";

    private static string Dose(int sets, int reps, string resistance) =>
        $"\"sets\":{sets},\"reps\":{reps},\"resistance\":\"{resistance}\"";

    public static TheoryData<string, string, string, int, int, string> Cases => new()
    {
        // name, input, action, next sets, next reps, next resistance
        {
            "three calm sessions in a week → one step up",
            $$"""{"exercise":"seated-marching","current":{{{Dose(2, 15, "none")}}},"sessions":[{{Session("2026-03-02", Dose(2, 15, "none"))}},{{Session("2026-03-04", Dose(2, 15, "none"))}},{{Session("2026-03-06", Dose(2, 15, "none"))}}]}""",
            "progress", 2, 20, "none"
        },
        {
            "strict rule: pain rose during → stop, one step down",
            $$"""{"exercise":"straight-leg-raise","current":{{{Dose(2, 20, "light")}}},"sessions":[{{Session("2026-03-02", Dose(2, 20, "light"), before: 2, during: 3)}}]}""",
            "stop", 2, 15, "light"
        },
        {
            "pain not settled next morning → regress, one step down",
            $$"""{"exercise":"standing-band-hip-flexion","painRule":"strict","current":{{{Dose(3, 15, "medium")}}},"sessions":[{{Session("2026-03-02", Dose(3, 15, "medium"), morning: 2, next: 4)}}]}""",
            "regress", 2, 20, "medium"
        },
        {
            "monitoring rule accepts 5/10 during → hold, same dose",
            $$"""{"exercise":"seated-marching","painRule":"monitoring","current":{{{Dose(3, 20, "none")}}},"sessions":[{{Session("2026-03-02", Dose(3, 20, "none"), before: 1, during: 5)}}]}""",
            "hold", 3, 20, "none"
        },
        {
            "stopped for pain at the floor → stop, floor dose kept",
            $$"""{"exercise":"seated-marching","current":{{{Dose(2, 15, "none")}}},"sessions":[{{Session("2026-03-02", Dose(2, 15, "none"), stopped: true)}}]}""",
            "stop", 2, 15, "none"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Progress_ValidInput_WritesActionNextAndReason(string name, string input, string action, int sets, int reps, string resistance)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run(["progress"], input);

        Assert.True(exit == 0, $"{name}: exit {exit}, stderr: {stderr}");
        Assert.Equal("", stderr);
        var result = Json.Object(stdout);
        Assert.Equal(["action", "next", "reason"], Json.Names(result));
        Assert.Equal(action, result.GetProperty("action").GetString());
        var next = result.GetProperty("next");
        Assert.Equal(["sets", "reps", "resistance"], Json.Names(next));
        Assert.Equal(sets, next.GetProperty("sets").GetInt32());
        Assert.Equal(reps, next.GetProperty("reps").GetInt32());
        Assert.Equal(resistance, next.GetProperty("resistance").GetString());
        Assert.Equal(JsonValueKind.String, result.GetProperty("reason").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("reason").GetString()));
    }
}
