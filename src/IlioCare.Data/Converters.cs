using IlioCare.Clinical.Contracts;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IlioCare.Data;

// The parse helpers are internal, not private: the compiled models generated into the migrations assemblies call them
// (InternalsVisibleTo in the project file). A method group in a converter's lambda cannot be generated; write e => f(e).

/// <summary>Reads every stored DateTime back as UTC (SQLite keeps no kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Enums stored by their wire name ("self-care", "front-of-hip"): readable in SQL, safe from reordering.</summary>
internal sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => WireName.Of(v),
    s => Parse(s)) where TEnum : struct, Enum
{
    internal static TEnum Parse(string s) =>
        WireName.TryParse<TEnum>(s, out var v) ? v : throw new InvalidOperationException($"unknown {typeof(TEnum).Name} '{s}' in the database");
}

/// <summary>A small set of enums stored as one comma-separated column of wire names.</summary>
internal sealed class WireNameSetConverter<TEnum>() : ValueConverter<IReadOnlySet<TEnum>, string>(
    v => string.Join(',', v.Select(e => WireName.Of(e)).Order(StringComparer.Ordinal)),
    s => ParseSet(s)) where TEnum : struct, Enum
{
    internal static HashSet<TEnum> ParseSet(string s) =>
        s.Split(',', StringSplitOptions.RemoveEmptyEntries)
         .Select(n => WireName.TryParse<TEnum>(n, out var v) ? v : throw new InvalidOperationException($"unknown {typeof(TEnum).Name} '{n}' in the database"))
         .ToHashSet();
}

internal sealed class SetComparer<TEnum>() : ValueComparer<IReadOnlySet<TEnum>>(
    (a, b) => a!.SetEquals(b!),
    v => v.Aggregate(0, (h, e) => h ^ e.GetHashCode()),
    v => v.ToHashSet()) where TEnum : struct, Enum;

/// <summary>Minutes by enum (sport by activity) as one column: "cycling:20,running:30".</summary>
internal sealed class WireNameMinutesConverter<TEnum>() : ValueConverter<IReadOnlyDictionary<TEnum, int>, string>(
    v => string.Join(',', v.OrderBy(e => WireName.Of(e.Key), StringComparer.Ordinal).Select(e => $"{WireName.Of(e.Key)}:{e.Value}")),
    s => Parse(s)) where TEnum : struct, Enum
{
    internal static Dictionary<TEnum, int> Parse(string s) =>
        s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':')).ToDictionary(
            p => WireName.TryParse<TEnum>(p[0], out var v) ? v : throw new InvalidOperationException($"unknown {typeof(TEnum).Name} '{p[0]}' in the database"),
            p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
}

internal sealed class MinutesComparer<TEnum>() : ValueComparer<IReadOnlyDictionary<TEnum, int>>(
    (a, b) => Same(a!, b!),
    v => v.Aggregate(0, (h, e) => h ^ HashCode.Combine(e.Key, e.Value)),
    v => v.ToDictionary(e => e.Key, e => e.Value)) where TEnum : struct, Enum
{
    internal static bool Same(IReadOnlyDictionary<TEnum, int> a, IReadOnlyDictionary<TEnum, int> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var m) && m == e.Value);
}
