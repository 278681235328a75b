namespace IlioCare.Clinical.Contracts;

/// <summary>One thing wrong with a request, and where: <c>sessions[2].painDuring</c>, <c>flags[1]</c>, or <c>$</c> for the whole body.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

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
