namespace IlioCare.Web.Components.Widgets;

/// <summary>
/// Field messages of a posted form, keyed by the form's field name (the contract's name: "painWorst").
/// A contract path like <c>flags[1]</c> belongs to the field <c>flags</c>. The summary names each field by its
/// label, never by this key (issue 16: "preInjuryWeeklyMinutes: …" is a field id a person cannot read).
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _all = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    /// <summary>A form's errors, with the labels of its fields when they are known up front (field key → label).</summary>
    public FormErrors(IReadOnlyDictionary<string, string>? labels = null)
    {
        foreach (var (field, label) in labels ?? new Dictionary<string, string>()) _labels[field] = label;
    }

    /// <summary>
    /// Registers the label a person sees for <paramref name="field"/> and returns it, so a form can write
    /// <c>&lt;label for="x"&gt;@Errors.Label("x", label)&lt;/label&gt;</c> once for both places.
    /// </summary>
    public string Label(string field, string label)
    {
        _labels[field] = label;
        return label;
    }

    /// <summary>The label registered for <paramref name="field"/>, or null.</summary>
    public string? LabelOf(string field) => _labels.GetValueOrDefault(field);

    /// <summary>
    /// "Minutes of sport a week: enter a number from 0 to 10080" — the summary names the question, the field message
    /// sits under it. With no label known the message stands alone: the key is never shown.
    /// </summary>
    public string SummaryText(string field, string message) =>
        _labels.TryGetValue(field, out var label) && !string.IsNullOrWhiteSpace(label) ? $"{label}: {message}" : Capital(message);

    private static string Capital(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

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
