namespace IlioCare.Web.Components.Widgets;

/// <summary>
/// Field messages of a posted form, keyed by the form's field name (the contract's name: "painWorst").
/// A contract path like <c>flags[1]</c> belongs to the field <c>flags</c>.
/// </summary>
public sealed class FormErrors(IReadOnlyDictionary<string, string>? labels = null)
{
    private readonly List<(string Field, string Message)> _all = [];

    /// <summary>"How old are you?: is required" — the summary names the question, the field message sits under it.</summary>
    public string SummaryText(string field, string message) =>
        labels is not null && labels.TryGetValue(field, out var label) ? $"{label}: {message}" : $"{field}: {message}";

    public bool Any => _all.Count > 0;
    public int Count => _all.Count;
    public IReadOnlyList<(string Field, string Message)> All => _all;

    public void Add(string path, string message)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var field = bracket > 0 ? path[..bracket] : path;
        _all.Add((field, message));
    }

    public string[] For(string field) => _all.Where(e => e.Field == field).Select(e => e.Message).ToArray();

    public bool Has(string field) => _all.Exists(e => e.Field == field);

    /// <summary>aria-describedby for a field's input, or null when it has no message.</summary>
    public string? DescribedBy(string field) => Has(field) ? IdFor(field) : null;

    /// <summary>aria-invalid for a field's input, or null (attribute left out) when it is fine.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    public static string IdFor(string field) => $"{field}-error";

    /// <summary>The id of the field's first input or its fieldset, for the summary's links.</summary>
    public static string InputIdFor(string field) => field;
}
