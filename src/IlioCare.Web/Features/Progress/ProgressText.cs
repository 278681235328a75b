using System.Globalization;

namespace IlioCare.Web.Features.Progress;

/// <summary>The words and numbers of the progress page: dates, and the one-sentence trend every chart leads with.</summary>
internal static class ProgressText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"3 Mar": short enough for an axis label at 360 px.</summary>
    public static string Short(DateOnly day) => day.ToString("d MMM", Invariant);

    /// <summary>"Mon 3 Mar 2025": the first column of the tables.</summary>
    public static string Long(DateOnly day) => day.ToString("ddd d MMM yyyy", Invariant);

    public static string Number(decimal value, int decimals = 0) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0.0", Invariant);

    public static string Duration(int days) => (int)Math.Round(days / 7m, MidpointRounding.AwayFromZero) is var weeks and >= 1
        ? weeks == 1 ? "1 week" : $"{weeks} weeks"
        : days == 1 ? "1 day" : $"{days} days";

    /// <summary>
    /// "Pain now fell from 6 to 3 over 8 weeks": the mean of the first few values against the mean of the last few
    /// (up to 7 each, at most half of them, so one odd day does not make a trend), rounded to <paramref name="decimals"/>.
    /// </summary>
    public static (string Text, bool Known) Trend(string what, IReadOnlyList<(DateOnly Day, int Value)> points, string unit = "", int decimals = 0)
    {
        if (points.Count == 0) return ($"No {what.ToLowerInvariant()} recorded in these weeks yet", false);
        if (points.Count == 1) return ($"{what} was {points[0].Value}{unit} on {Short(points[0].Day)}, the only value so far", false);
        var k = Math.Clamp(points.Count / 2, 1, 7);
        var first = Number((decimal)points.Take(k).Average(p => p.Value), decimals);
        var last = Number((decimal)points.TakeLast(k).Average(p => p.Value), decimals);
        var over = Duration(points[^1].Day.DayNumber - points[0].Day.DayNumber);
        var change = decimal.Parse(last, Invariant).CompareTo(decimal.Parse(first, Invariant)) switch
        {
            < 0 => $"fell from {first} to {last}{unit}",
            > 0 => $"rose from {first} to {last}{unit}",
            _ => $"stayed at {first}{unit}",
        };
        return ($"{what} {change} over {over}", true);
    }
}
