using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace IlioCare.Clinical.Contracts;

/// <summary>
/// Reads the members of one JSON object strictly (SPEC §2): exact types (no "3" or 3.0 for an int), ranges,
/// exact enum spelling, no null for a non-nullable field, no repeated list members, no duplicate keys, no
/// unknown fields. Each getter records its own error and returns null, so one pass names every bad field.
/// The happy path builds no strings: a field's path and message are made only when it is wrong.
/// </summary>
public sealed class ObjectReader
{
    private readonly string _path;
    private readonly List<FieldError> _errors;
    // Members not yet asked for; what is left at Finish is unknown.
    private readonly Dictionary<string, JsonElement> _unread;
    private readonly List<ObjectReader> _children = [];

    internal ObjectReader(JsonElement obj, string path, List<FieldError> errors)
    {
        _path = path;
        _errors = errors;
        _unread = new(obj.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var member in obj.EnumerateObject())
        {
            if (!_unread.TryAdd(member.Name, member.Value))
                Error(member.Name, "duplicate key: the field appears more than once");
        }
    }

    /// <summary>True when any error has been recorded so far (anywhere in the document).</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>The full path of a member of this object, for messages.</summary>
    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public void Error(string name, string message) => _errors.Add(new(PathOf(name), message));

    public int? RequiredInt(string name, int min, int max) =>
        Member(name, required: true) is { } e ? Int(e, new(this, name), min, max) : null;

    /// <summary>Absent → null, no error.</summary>
    public int? OptionalInt(string name, int min, int max) =>
        Member(name, required: false) is { } e ? Int(e, new(this, name), min, max) : null;

    /// <summary>Absent or null → null, no error (SPEC §6 <c>painNextMorning</c>: "null or absent while unknown").</summary>
    public int? NullableInt(string name, int min, int max) =>
        Member(name, required: false) is { ValueKind: not JsonValueKind.Null } e ? Int(e, new(this, name), min, max) : null;

    public bool? RequiredBool(string name) => Member(name, required: true) is { } e ? Bool(e, new(this, name)) : null;

    /// <summary>Absent → false (SPEC §3: "booleans (absent = false)").</summary>
    public bool OptionalBool(string name) => Member(name, required: false) is { } e && Bool(e, new(this, name)) == true;

    public TEnum? RequiredEnum<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: true) is { } e ? Enum<TEnum>(e, new(this, name)) : null;

    public TEnum? OptionalEnum<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: false) is { } e ? Enum<TEnum>(e, new(this, name)) : null;

    /// <summary>Text of 1 to <paramref name="maxLength"/> characters after trimming (a name: blank is an error, unlike <see cref="RequiredString"/>).</summary>
    public string? RequiredText(string name, int maxLength) =>
        Member(name, required: true) is { } e ? NonBlankText(e, new Where(this, name), maxLength) : null;

    /// <summary>A date written <c>YYYY-MM-DD</c>, no later than <paramref name="latest"/> (SPEC §2: today UTC + 1 day).</summary>
    public DateOnly? RequiredDate(string name, DateOnly latest)
    {
        if (Member(name, required: true) is not { } e) return null;
        if (e.ValueKind != JsonValueKind.String) return Fail<DateOnly>(new(this, name), $"must be a date written YYYY-MM-DD, not {JsonContract.Describe(e)}");
        var text = e.GetString()!;
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Fail<DateOnly>(new(this, name), $"must be a real date written YYYY-MM-DD, not \"{text}\"");
        if (date > latest)
            return Fail<DateOnly>(new(this, name), $"must not be later than {latest:yyyy-MM-dd}, not {text}");
        return date;
    }

    /// <summary>A list of distinct enum values; required (SPEC §3 <c>flags</c>: "a client that did not ask about warning signs must not get an answer").</summary>
    public IReadOnlySet<TEnum>? RequiredSet<TEnum>(string name) where TEnum : struct, Enum =>
        Member(name, required: true) is { } e ? Set<TEnum>(e, name) : null;

    /// <summary>Absent → empty (SPEC §3: "lists (absent = empty)").</summary>
    public IReadOnlySet<TEnum> OptionalSet<TEnum>(string name) where TEnum : struct, Enum =>
        (Member(name, required: false) is { } e ? Set<TEnum>(e, name) : null) ?? new HashSet<TEnum>();

    /// <summary>Whether the member is present and not read yet (absent and empty can mean different things, F16 program edits).</summary>
    public bool Has(string name) => _unread.ContainsKey(name);

    /// <summary>A JSON string of at most <paramref name="maxLength"/> characters (F13 notes, keys); null is an error.</summary>
    public string? RequiredString(string name, int maxLength) =>
        Member(name, required: true) is { } e ? Text(e, name, maxLength) : null;

    /// <summary>Absent → null, no error; present, it must be a string of at most <paramref name="maxLength"/> characters.</summary>
    public string? OptionalString(string name, int maxLength) =>
        Member(name, required: false) is { } e ? Text(e, name, maxLength) : null;

    private string? Text(JsonElement e, string name, int maxLength)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            Error(name, $"must be a string, not {JsonContract.Describe(e)}");
            return null;
        }
        var text = e.GetString()!;
        if (text.Length <= maxLength) return text;
        Error(name, $"must be at most {maxLength} characters, not {text.Length}");
        return null;
    }

    public ObjectReader? RequiredObject(string name) =>
        Member(name, required: true) is { } e ? Child(e, PathOf(name)) : null;

    /// <summary>
    /// An object whose keys are wire names of <typeparamref name="TEnum"/> and whose values are ints in range
    /// (<c>{"running": 30}</c>); absent → empty. Each bad key or value is named (<c>sportMinutes.swimming</c>).
    /// </summary>
    public IReadOnlyDictionary<TEnum, int> OptionalIntMap<TEnum>(string name, int min, int max) where TEnum : struct, Enum
    {
        var map = new Dictionary<TEnum, int>();
        if (Member(name, required: false) is not { } e) return map;
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error(name, $"must be an object, not {JsonContract.Describe(e)}");
            return map;
        }
        var child = new ObjectReader(e, PathOf(name), _errors);
        foreach (var key in child._unread.Keys.ToList())
        {
            if (!WireName.TryParse<TEnum>(key, out var value))
            {
                child._unread.Remove(key);
                child.Error(key, $"is not one of {string.Join(", ", WireName.All<TEnum>())} (exact spelling)");
                continue;
            }
            if (child.RequiredInt(key, min, max) is { } n) map[value] = n;
        }
        return map;
    }

    /// <summary>Absent → null, no error; otherwise exactly <paramref name="count"/> texts of 1 to <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string>? OptionalTextList(string name, int count, int maxLength) =>
        List(name, count, (item, where) => NonBlankText(item, where, maxLength));

    /// <summary>Absent → null, no error; otherwise exactly <paramref name="count"/> whole numbers in range.</summary>
    public IReadOnlyList<int>? OptionalIntList(string name, int count, int min, int max) =>
        List(name, count, (item, where) => Int(item, where, min, max) is { } n ? (int?)n : null)?.Select(n => n!.Value).ToList();

    private List<T>? List<T>(string name, int count, Func<JsonElement, Where, T?> read)
    {
        if (Member(name, required: false) is not { } e) return null;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != count)
        {
            Error(name, $"must be a list of {count} items, not {(e.ValueKind == JsonValueKind.Array ? $"{e.GetArrayLength()} items" : JsonContract.Describe(e))}");
            return null;
        }
        var items = new List<T>(count);
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (read(item, new Where(this, name, i++)) is { } value) items.Add(value);
        }
        return items.Count == count ? items : null;
    }

    /// <summary>A list of objects; absent → empty. Items that are not objects are errors and left out.</summary>
    public IReadOnlyList<ObjectReader> OptionalObjectList(string name)
    {
        if (Member(name, required: false) is not { } e) return [];
        var path = PathOf(name);
        if (e.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new(path, $"must be a list, not {JsonContract.Describe(e)}"));
            return [];
        }
        var items = new List<ObjectReader>(e.GetArrayLength());
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (Child(item, $"{path}[{i++}]") is { } child) items.Add(child);
        }
        return items;
    }

    /// <summary>Reports every member nobody asked for as unknown (SPEC §2), here and in nested objects.</summary>
    internal void Finish()
    {
        foreach (var name in _unread.Keys)
            Error(name, "unknown field");
        foreach (var child in _children) child.Finish();
    }

    private JsonElement? Member(string name, bool required)
    {
        if (_unread.Remove(name, out var e)) return e;
        if (required) Error(name, "is required");
        return null;
    }

    private int? Int(JsonElement e, Where where, int min, int max)
    {
        if (e.ValueKind == JsonValueKind.Number && IsIntegerLiteral(e) && e.TryGetInt64(out var value) && value >= min && value <= max)
            return (int)value;
        var range = $"a whole number from {min} to {max}";
        if (e.ValueKind != JsonValueKind.Number) return Fail<int>(where, $"must be {range}, not {JsonContract.Describe(e)}");
        if (!IsIntegerLiteral(e)) return Fail<int>(where, $"must be {range} written without a decimal point or exponent, not {e.GetRawText()}");
        return Fail<int>(where, $"must be {range}, not {e.GetRawText()}");
    }

    /// <summary>SPEC §2: <c>3.0</c> is not an int though its value is integral; only the literal tells.</summary>
    private static bool IsIntegerLiteral(JsonElement e) => JsonMarshal.GetRawUtf8Value(e).IndexOfAny("."u8[0], "e"u8[0], "E"u8[0]) < 0;

    private string? NonBlankText(JsonElement e, Where where, int maxLength)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            _errors.Add(new(where.Path, $"must be text, not {JsonContract.Describe(e)}"));
            return null;
        }
        var text = e.GetString()!.Trim();
        if (text.Length is > 0 && text.Length <= maxLength) return text;
        _errors.Add(new(where.Path, text.Length == 0 ? "must not be empty" : $"must be at most {maxLength} characters, not {text.Length}"));
        return null;
    }

    private bool? Bool(JsonElement e, Where where) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Fail<bool>(where, $"must be true or false, not {JsonContract.Describe(e)}"),
    };

    private TEnum? Enum<TEnum>(JsonElement e, Where where) where TEnum : struct, Enum
    {
        if (e.ValueKind == JsonValueKind.String && WireName.TryParse<TEnum>(e.GetString(), out var value)) return value;
        var got = e.ValueKind == JsonValueKind.String ? $"\"{e.GetString()}\"" : JsonContract.Describe(e);
        return Fail<TEnum>(where, $"must be one of {string.Join(", ", WireName.All<TEnum>())} (exact spelling), not {got}");
    }

    private HashSet<TEnum>? Set<TEnum>(JsonElement e, string name) where TEnum : struct, Enum
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"must be a list, not {JsonContract.Describe(e)}");
            return null;
        }
        var set = new HashSet<TEnum>();
        var ok = true;
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var where = new Where(this, name, i++);
            if (Enum<TEnum>(item, where) is not { } value) ok = false;
            else if (!set.Add(value))
            {
                _errors.Add(new(where.Path, $"repeats \"{WireName.Of(value)}\"; list each value once"));
                ok = false;
            }
        }
        return ok ? set : null;
    }

    private ObjectReader? Child(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new(path, $"must be an object, not {JsonContract.Describe(e)}"));
            return null;
        }
        var child = new ObjectReader(e, path, _errors);
        _children.Add(child);
        return child;
    }

    private T? Fail<T>(Where where, string message) where T : struct
    {
        _errors.Add(new(where.Path, message));
        return null;
    }

    /// <summary>Where a value sits — a member, or an item of a member's list — spelled out only for an error.</summary>
    private readonly record struct Where(ObjectReader Owner, string Name, int Index = -1)
    {
        public string Path => Index < 0 ? Owner.PathOf(Name) : $"{Owner.PathOf(Name)}[{Index}]";
    }
}
