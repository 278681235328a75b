using System.Globalization;
using System.Text.Json;

namespace IlioCare.Clinical.Contracts;

/// <summary>
/// Reads the members of one JSON object strictly (SPEC §2): exact types (no "3" or 3.0 for an int), ranges,
/// exact enum spelling, no null for a non-nullable field, no repeated list members, no duplicate keys, no
/// unknown fields. Each getter records its own error and returns null, so one pass names every bad field.
/// </summary>
public sealed class ObjectReader
{
    private readonly string _path;
    private readonly List<FieldError> _errors;
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly List<ObjectReader> _children = [];

    internal ObjectReader(JsonElement obj, string path, List<FieldError> errors)
    {
        _path = path;
        _errors = errors;
        foreach (var member in obj.EnumerateObject())
        {
            if (!_members.TryAdd(member.Name, member.Value))
                Error(member.Name, "duplicate key: the field appears more than once");
        }
    }

    /// <summary>True when any error has been recorded so far (anywhere in the document).</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>The full path of a member of this object, for messages.</summary>
    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public void Error(string name, string message) => _errors.Add(new(PathOf(name), message));

    public int? RequiredInt(string name, int min, int max) => Int(name, min, max, required: true, nullable: false);

    /// <summary>Absent → null, no error.</summary>
    public int? OptionalInt(string name, int min, int max) => Int(name, min, max, required: false, nullable: false);

    /// <summary>Absent or null → null, no error (SPEC §6 <c>painNextMorning</c>: "null or absent while unknown").</summary>
    public int? NullableInt(string name, int min, int max) => Int(name, min, max, required: false, nullable: true);

    public bool? RequiredBool(string name) => Member(name, required: true) is { } e ? Bool(e, PathOf(name)) : null;

    /// <summary>Absent → false (SPEC §3: "booleans (absent = false)").</summary>
    public bool OptionalBool(string name) => Member(name, required: false) is { } e && Bool(e, PathOf(name)) == true;

    public TEnum? RequiredEnum<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: true) is { } e ? Enum<TEnum>(e, PathOf(name)) : null;

    public TEnum? OptionalEnum<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: false) is { } e ? Enum<TEnum>(e, PathOf(name)) : null;

    /// <summary>A date written <c>YYYY-MM-DD</c>, no later than <paramref name="latest"/> (SPEC §2: today UTC + 1 day).</summary>
    public DateOnly? RequiredDate(string name, DateOnly latest)
    {
        if (Member(name, required: true) is not { } e) return null;
        var path = PathOf(name);
        if (e.ValueKind != JsonValueKind.String) return Fail<DateOnly>(path, $"must be a date written YYYY-MM-DD, not {JsonContract.Describe(e)}");
        var text = e.GetString()!;
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Fail<DateOnly>(path, $"must be a real date written YYYY-MM-DD, not \"{text}\"");
        if (date > latest)
            return Fail<DateOnly>(path, $"must not be later than {latest:yyyy-MM-dd}, not {text}");
        return date;
    }

    /// <summary>A list of distinct enum values; required (SPEC §3 <c>flags</c>: "a client that did not ask about warning signs must not get an answer").</summary>
    public IReadOnlySet<TEnum>? RequiredSet<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: true) is { } e ? Set<TEnum>(e, PathOf(name)) : null;

    /// <summary>Absent → empty (SPEC §3: "lists (absent = empty)").</summary>
    public IReadOnlySet<TEnum> OptionalSet<TEnum>(string name) where TEnum : struct, Enum =>
        (Member(name, required: false) is { } e ? Set<TEnum>(e, PathOf(name)) : null) ?? new HashSet<TEnum>();

    public ObjectReader? RequiredObject(string name) =>
        Member(name, required: true) is { } e ? Child(e, PathOf(name)) : null;

    /// <summary>A list of objects; absent → empty. Items that are not objects are errors and left out.</summary>
    public IReadOnlyList<ObjectReader> OptionalObjectList(string name)
    {
        if (Member(name, required: false) is not { } e) return [];
        var path = PathOf(name);
        if (e.ValueKind != JsonValueKind.Array) return Fail(path, $"must be a list, not {JsonContract.Describe(e)}", (IReadOnlyList<ObjectReader>)[]);
        var items = new List<ObjectReader>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (Child(item, itemPath) is { } child) items.Add(child);
        }
        return items;
    }

    /// <summary>Reports every member nobody asked for as unknown (SPEC §2), here and in nested objects.</summary>
    internal void Finish()
    {
        foreach (var name in _members.Keys.Where(n => !_asked.Contains(n)))
            Error(name, "unknown field");
        foreach (var child in _children) child.Finish();
    }

    private JsonElement? Member(string name, bool required)
    {
        _asked.Add(name);
        if (_members.TryGetValue(name, out var e)) return e;
        if (required) Error(name, "is required");
        return null;
    }

    private int? Int(string name, int min, int max, bool required, bool nullable)
    {
        if (Member(name, required) is not { } e) return null;
        if (nullable && e.ValueKind == JsonValueKind.Null) return null;
        var path = PathOf(name);
        var range = $"a whole number from {min} to {max}";
        if (e.ValueKind != JsonValueKind.Number) return Fail<int>(path, $"must be {range}, not {JsonContract.Describe(e)}");
        var raw = e.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0) return Fail<int>(path, $"must be {range} written without a decimal point or exponent, not {raw}");
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            return Fail<int>(path, $"must be {range}, not {raw}");
        return (int)value;
    }

    private bool? Bool(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Fail<bool>(path, $"must be true or false, not {JsonContract.Describe(e)}"),
    };

    private TEnum? Enum<TEnum>(JsonElement e, string path) where TEnum : struct, Enum
    {
        if (e.ValueKind == JsonValueKind.String && WireName.TryParse<TEnum>(e.GetString(), out var value)) return value;
        var got = e.ValueKind == JsonValueKind.String ? $"\"{e.GetString()}\"" : JsonContract.Describe(e);
        return Fail<TEnum>(path, $"must be one of {string.Join(", ", WireName.All<TEnum>())} (exact spelling), not {got}");
    }

    private HashSet<TEnum>? Set<TEnum>(JsonElement e, string path) where TEnum : struct, Enum
    {
        if (e.ValueKind != JsonValueKind.Array) return Fail(path, $"must be a list, not {JsonContract.Describe(e)}", (HashSet<TEnum>?)null);
        var set = new HashSet<TEnum>();
        var ok = true;
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (Enum<TEnum>(item, itemPath) is not { } value) ok = false;
            else if (!set.Add(value)) ok = Fail(itemPath, $"repeats \"{WireName.Of(value)}\"; list each value once", false);
        }
        return ok ? set : null;
    }

    private ObjectReader? Child(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) return Fail(path, $"must be an object, not {JsonContract.Describe(e)}", (ObjectReader?)null);
        var child = new ObjectReader(e, path, _errors);
        _children.Add(child);
        return child;
    }

    private T? Fail<T>(string path, string message) where T : struct
    {
        _errors.Add(new(path, message));
        return null;
    }

    private T Fail<T>(string path, string message, T result)
    {
        _errors.Add(new(path, message));
        return result;
    }
}
