using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Tests;

/// <summary>Test rows speak the spec's wire names ("red-warm-skin", "self-care"); this turns them into values and back.</summary>
internal static class Wire
{
    public static T Parse<T>(string name) where T : struct, Enum =>
        WireName.TryParse<T>(name, out var value) ? value : throw new ArgumentException($"\"{name}\" is not a {typeof(T).Name} wire name");

    /// <summary>A comma-separated list of wire names ("" = none).</summary>
    public static HashSet<T> Set<T>(string csv) where T : struct, Enum => List(csv).Select(Parse<T>).ToHashSet();

    public static string[] List(string csv) => csv.Length == 0 ? [] : csv.Split(',');

    public static string Of<T>(T value) where T : struct, Enum => WireName.Of(value);

    public static string? Of<T>(T? value) where T : struct, Enum => value is { } v ? WireName.Of(v) : null;

    public static string[] Codes(IEnumerable<Finding> findings) => findings.Select(f => f.Code).ToArray();
}
