using System.Text;

namespace IlioCare.Cli.Tests;

/// <summary>SPEC §2 on the command line: exit 2, nothing on stdout, one line per bad field on stderr.</summary>
public class BadInputTests
{
    private static IliocareRun Rejected(string verb, byte[] stdin)
    {
        var run = IliocareProcess.Run([verb], stdin);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.NotEmpty(run.StderrLines);
        return run;
    }

    private static IliocareRun Rejected(string verb, string stdin) => Rejected(verb, Encoding.UTF8.GetBytes(stdin));

    public static TheoryData<string, string, string[]> ThreeBadFields => new()
    {
        {
            "assess",
            // Out of range, wrong case, a repeated list member.
            """{"age":5,"side":"Left","symptomDays":10,"painNow":3,"painWorst":5,"flags":["fever","fever"]}""",
            ["age", "side", "flags[1]"]
        },
        {
            "progress",
            // Not a strengthening exercise, "3" for an int, an unknown field in a session.
            """
            {"exercise":"side-kick","current":{"sets":2,"reps":15,"resistance":"none"},"sessions":[{"date":"2026-03-02",
             "sets":2,"reps":15,"resistance":"none","completed":true,"stoppedForPain":false,"painMorning":2,"painBefore":2,
             "painDuring":"3","painNextMorning":null,"note":"felt fine"}]}
            """,
            ["exercise", "sessions[0].painDuring", "sessions[0].note"]
        },
        {
            "load",
            // Negative minutes, 3.0 for an int, null for a non-nullable boolean.
            """{"preInjuryWeeklyMinutes":-1,"startCap":3.0,"weeks":[{"weekStart":"2026-11-02","minutes":60,"flare":null}]}""",
            ["preInjuryWeeklyMinutes", "startCap", "weeks[0].flare"]
        },
    };

    [Theory]
    [MemberData(nameof(ThreeBadFields))]
    public void BadInput_ThreeBadFields_OneStderrLineNamingEach(string verb, string input, string[] fields)
    {
        var run = Rejected(verb, input);

        Assert.Equal(3, run.StderrLines.Length);
        Assert.Equal(fields.Order(StringComparer.Ordinal), run.BadFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BadInput_MissingRequiredAndDuplicateKey_NamesBoth()
    {
        var run = Rejected("assess", """{"age":34,"age":35,"side":"left","symptomDays":10,"painNow":3,"painWorst":5}""");

        Assert.Equal(["age", "flags"], run.BadFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("assess", """{"age":34,"side":""")]
    [InlineData("progress", """{"exercise":"seated-marching",}""")]
    [InlineData("load", "not json")]
    public void BadInput_MalformedJson_OneLineForTheWholeBody(string verb, string input)
    {
        var run = Rejected(verb, input);

        Assert.Equal(["$"], run.BadFields);
        Assert.Contains("malformed JSON", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_JsonArrayBody_IsNotAnObject()
    {
        var run = Rejected("assess", """[{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":[]}]""");

        Assert.Equal(["$"], run.BadFields);
        Assert.Contains("must be a JSON object", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_EmptyStdin_IsRejectedNotCrashed()
    {
        var run = Rejected("load", "");

        Assert.Equal(["$"], run.BadFields);
    }

    [Fact]
    public void BadInput_InvalidUtf8_IsRejected()
    {
        // {"age":34,"side":"…"} where … is 0xC3 0x28, an invalid two-byte sequence, inside a string.
        byte[] bytes = [.. "{\"age\":34,\"side\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var run = Rejected("assess", bytes);

        Assert.Equal(["$"], run.BadFields);
        Assert.Contains("UTF-8", run.Stderr, StringComparison.Ordinal);
    }
}
