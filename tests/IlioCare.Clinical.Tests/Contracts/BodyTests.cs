using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Contracts.ContractAssert;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>SPEC §2: malformed JSON and a body that is not a JSON object are rejected by every contract, never thrown.</summary>
public class BodyTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    public static TheoryData<string> NotJson() =>
    [
        "", " ", "{", "}", "{\"age\":}", "{\"age\":30,}", "{'age':30}", "{age:30}", "not json", "{} {}", "{}x",
        "{\"age\":30 /* comment */}", "// c\n{}", "{\"age\":NaN}", "{\"age\":01}", "[1,2", "\"unterminated",
    ];

    public static TheoryData<string> NotAnObject() => ["[]", "[{}]", "3", "\"text\"", "null", "true", "false", "-1.5e3"];

    [Theory]
    [MemberData(nameof(NotJson))]
    public void Read_MalformedJson_IsOneErrorForTheWholeBody(string json)
    {
        Rejected(AssessmentContract.Read(json), "$");
        Rejected(ProgressionContract.Read(json, Today), "$");
        Rejected(LoadContract.Read(json, Today), "$");
    }

    [Theory]
    [MemberData(nameof(NotAnObject))]
    public void Read_BodyThatIsNotAnObject_IsOneErrorForTheWholeBody(string json)
    {
        Rejected(AssessmentContract.Read(json), "$");
        Rejected(ProgressionContract.Read(json, Today), "$");
        Rejected(LoadContract.Read(json, Today), "$");
    }

    [Fact]
    public void Read_DeeplyNestedUnknownField_IsRejectedWithoutCrashing()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));

        Assert.False(AssessmentContract.Read($"{{\"extra\":{deep}}}").IsValid);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes_IsRejected()
    {
        byte[] bytes = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        Rejected(JsonContract.Read<AssessmentInput>(bytes, AssessmentContract.Read), "$");
    }

    [Fact]
    public void ErrorsByField_GroupsMessagesPerPath()
    {
        var result = AssessmentContract.Read("{\"age\":\"x\",\"extra\":1}");

        var byField = result.ErrorsByField();
        Assert.Contains("age", byField.Keys);
        Assert.Contains("extra", byField.Keys);
        Assert.All(byField.Values, messages => Assert.NotEmpty(messages));
    }
}
