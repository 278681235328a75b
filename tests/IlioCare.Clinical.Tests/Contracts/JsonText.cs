using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>
/// Builds request bodies member by member from raw JSON text, so a test can write exactly <c>3.0</c>,
/// <c>3e0</c>, a duplicate key or a missing member — things a serializer would tidy away.
/// </summary>
internal sealed class JsonText
{
    private readonly List<(string Name, string Raw)> _members;

    public JsonText(params (string Name, string Raw)[] members) => _members = [.. members];

    /// <summary>Replaces the member (or adds it at the end).</summary>
    public JsonText With(string name, string raw)
    {
        var copy = new JsonText([.. _members]);
        var i = copy._members.FindIndex(m => m.Name == name);
        if (i >= 0) copy._members[i] = (name, raw);
        else copy._members.Add((name, raw));
        return copy;
    }

    /// <summary>Adds the member again, even when it is already there (a duplicate key).</summary>
    public JsonText Plus(string name, string raw) => new([.. _members, (name, raw)]);

    public JsonText Without(string name) => new([.. _members.Where(m => m.Name != name)]);

    public override string ToString() => "{" + string.Join(",", _members.Select(m => $"\"{m.Name}\":{m.Raw}")) + "}";

    public static implicit operator string(JsonText json) => json.ToString();
}

internal static class ContractAssert
{
    /// <summary>The contract was rejected, naming exactly these fields (in any order, each at least once).</summary>
    public static void Rejected<T>(ContractResult<T> result, params string[] fields) where T : class
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(fields.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    public static T Accepted<T>(ContractResult<T> result) where T : class
    {
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.IsValid);
        return result.Value!;
    }
}
