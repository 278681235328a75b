using System.Text.Json;

namespace IlioCare.Cli.Tests;

/// <summary>Small readers for asserting on the SPEC JSON that <c>iliocare</c> writes.</summary>
internal static class Json
{
    /// <summary>Parses stdout; it must be exactly one JSON object.</summary>
    public static JsonElement Object(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        return doc.RootElement.Clone();
    }

    /// <summary>The member names in the order written (SPEC fixes names and order).</summary>
    public static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];

    /// <summary>The <c>code</c> of each <c>{"code","text"}</c> finding, each checked to have exactly those members and a text.</summary>
    public static string[] Codes(JsonElement findings) =>
    [
        .. findings.EnumerateArray().Select(f =>
        {
            Assert.Equal(["code", "text"], Names(f));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("text").GetString()));
            return f.GetProperty("code").GetString()!;
        }),
    ];
}
