using System.Collections.Frozen;
using System.Text.Json;

namespace IlioCare.Clinical.Contracts;

/// <summary>
/// The one spelling of every enum on the wire (JSON, CLI, API, pages' form values): kebab-case, lower
/// case, exactly as SPEC §3–§7 write them ("self-care", "red-warm-skin", "sweet-spot"). Parsing is
/// exact: SPEC §2 rejects enum strings "not spelled exactly (case matters)".
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        if (text is not null && Names<TEnum>.ByName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order (for messages).</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.InOrder;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder =
            Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => ByValue[v], v => v, StringComparer.Ordinal);
    }
}
