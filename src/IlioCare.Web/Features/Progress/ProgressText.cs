using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// The words and numbers of the progress page: dates, and the one-sentence trend every chart leads with. The words
/// follow the reader's language (Resources/Features/Progress/ProgressText.es.resx, issue 16); dates and numbers follow
/// the current culture ("3 dic", "4,5"). Nothing here is parsed back or drawn as an SVG coordinate.
/// </summary>
// Not static: IStringLocalizer<ProgressText> names its resource file, and a static type cannot be a type argument.
public sealed class ProgressText
{
    private ProgressText() { }

    /// <summary>English as written in the keys: for callers that have no reader (a clinician's view built elsewhere).</summary>
    public static IStringLocalizer<ProgressText> English { get; } = new Words.KeysAsText<ProgressText>();

    /// <summary>"3 Mar": short enough for an axis label at 360 px.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "A short date, not the type.")]
    public static string Short(DateOnly day) => day.ToString("d MMM", CultureInfo.CurrentCulture);

    /// <summary>"Mon 3 Mar 2025": the first column of the tables.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "A long date, not the type.")]
    public static string Long(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture);

    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static string Number(decimal value, int decimals = 0) =>
        Round(value, decimals).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.CurrentCulture);

    public static string Duration(IStringLocalizer<ProgressText> L, int days) => (int)Math.Round(days / 7m, MidpointRounding.AwayFromZero) is var weeks and >= 1
        ? weeks == 1 ? L["1 week"] : L["{0} weeks", weeks]
        : days == 1 ? L["1 day"] : L["{0} days", days];

    /// <summary>
    /// "Pain now fell from 6 to 3 over 8 weeks": the mean of the first few values against the mean of the last
    /// few (up to 7 each, at most half of them, so one odd day does not make a trend), rounded to <paramref name="decimals"/>.
    /// <paramref name="what"/> and <paramref name="unit"/> are already in the reader's language.
    /// </summary>
    public static (string Text, bool Known) Trend(IStringLocalizer<ProgressText> L, string what, IReadOnlyList<(DateOnly Day, int Value)> points, string unit = "", int decimals = 0)
    {
        if (points.Count == 0) return (L["No {0} recorded in these weeks yet", what.ToLower(CultureInfo.CurrentCulture)], false);
        if (points.Count == 1) return (L["{0} was {1}{2} on {3}, the only value so far", what, points[0].Value, unit, Short(points[0].Day)], false);
        var k = Math.Clamp(points.Count / 2, 1, 7);
        var first = Round((decimal)points.Take(k).Average(p => p.Value), decimals);
        var last = Round((decimal)points.TakeLast(k).Average(p => p.Value), decimals);
        var over = Duration(L, points[^1].Day.DayNumber - points[0].Day.DayNumber);
        var (a, b) = (Number(first, decimals), Number(last, decimals));
        var text = last.CompareTo(first) switch
        {
            < 0 => L["{0} fell from {1} to {2}{3} over {4}", what, a, b, unit, over],
            > 0 => L["{0} rose from {1} to {2}{3} over {4}", what, a, b, unit, over],
            _ => L["{0} stayed at {1}{2} over {3}", what, a, unit, over],
        };
        return (text, true);
    }
}
