namespace IlioCare.Clinical.Contracts;

/// <summary>One thing wrong with a request, and where: <c>sessions[2].painDuring</c>, <c>flags[1]</c>, or <c>$</c> for the whole body.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>
    /// Which rule the value broke, with its limits (issue 16), so a page can say it in the reader's language; the
    /// English <see cref="Message"/> is what the API and the CLI give. Null where no page words the message itself.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public FieldRule? Rule { get; init; }

    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The kinds of rule a field can break, as <see cref="FieldError.Rule"/> names them.</summary>
public enum FieldRuleCode { Empty, TooLong, OutOfRange, NotAChoice }

/// <summary>A broken rule and its numbers: the length limit and the length given, or the range.</summary>
public sealed record FieldRule(FieldRuleCode Code, int Min = 0, int Max = 0, int Given = 0);

/// <summary>A contract read from JSON: either a value, or every error found (SPEC §2: "naming every bad field (not just the first)").</summary>
public sealed class ContractResult<T> where T : class
{
    private ContractResult(T? value, IReadOnlyList<FieldError> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool IsValid => Value is not null;

    internal static ContractResult<T> Ok(T value) => new(value, []);
    internal static ContractResult<T> Fail(IReadOnlyList<FieldError> errors) => new(null, errors);

    /// <summary>The validation errors grouped by field, as RFC 7807 problem details' <c>errors</c> member wants them.</summary>
    public IDictionary<string, string[]> ErrorsByField() =>
        Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
