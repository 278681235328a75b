using System.Globalization;

namespace IlioCare.Web.Components.Charts;

/// <summary>The shape drawn at each point of a series: the second cue after colour (WCAG 1.4.1).</summary>
public enum Marker { Circle, Square, Triangle, Diamond, TriangleDown }

/// <summary>One line of a <see cref="LineChart"/>: a value per x position (null = no data that day, the line breaks).</summary>
/// <param name="Style">1–3: the colour class (s1 blue, s2 brown, s3 green).</param>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values, Marker Marker, bool Dashed, int Style);

/// <summary>A horizontal reference line (a threshold), drawn dashed with its label.</summary>
public sealed record ReferenceLine(double Value, string Label);

/// <summary>A shaded horizontal band (e.g. a target range), labelled in the legend.</summary>
public sealed record Band(double From, double To, string Label);

/// <summary>The table alternative of a chart: the same numbers for a screen reader or anyone who prefers a table.</summary>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One day of the calendar heat-map (F11); null fields are "no check-in" or "not known yet".</summary>
/// <param name="ExercisesBefore">Exercises logged completed on the day before.</param>
/// <param name="SportBefore">Sport minutes on the day before.</param>
/// <param name="Response">Next morning's pain minus this morning's (positive = worse).</param>
public sealed record HeatCell(DateOnly Date, int? PainNow, int? ExercisesBefore, int? SportBefore, int? Response);

/// <summary>Geometry shared by the SVG charts: a plot area inside a 340-unit-wide viewBox, numbers written invariantly.</summary>
/// <remarks>
/// 340 units is a 360 px phone's content width, so at that width one unit is about one CSS pixel and a 12-unit
/// label is a 12 px label; on a desktop the SVG scales up with its column (width 100 %).
/// </remarks>
public sealed record Plot(double Left, double Top, double Right, double Bottom, double YMin, double YMax, int Count)
{
    public const double Width = 340;

    /// <summary>x of point <paramref name="i"/> of a line (first at the left edge, last at the right).</summary>
    public double X(int i) => Count <= 1 ? (Left + Right) / 2 : Left + i * (Right - Left) / (Count - 1);

    /// <summary>Centre of band <paramref name="i"/> of a bar chart, and the width of one band.</summary>
    public double BandX(int i) => Left + (i + 0.5) * BandWidth;

    public double BandWidth => (Right - Left) / Math.Max(Count, 1);

    public double Y(double value) => Bottom - (Math.Clamp(value, YMin, YMax) - YMin) / (YMax - YMin) * (Bottom - Top);

    /// <summary>Which x labels to write: at most <paramref name="most"/> of them, evenly spaced from the first.</summary>
    public bool Labelled(int i, int most = 6) => i % Math.Max(1, (int)Math.Ceiling(Count / (double)most)) == 0;

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The path of a marker centred on (x, y).</summary>
    public static string MarkerPath(Marker marker, double x, double y, double r = 4) => marker switch
    {
        Marker.Circle => $"M{N(x - r)},{N(y)}a{N(r)},{N(r)} 0 1,0 {N(2 * r)},0a{N(r)},{N(r)} 0 1,0 {N(-2 * r)},0Z",
        Marker.Square => $"M{N(x - r * .85)},{N(y - r * .85)}h{N(r * 1.7)}v{N(r * 1.7)}h{N(-r * 1.7)}Z",
        Marker.Triangle => $"M{N(x)},{N(y - r)}L{N(x + r)},{N(y + r * .8)}L{N(x - r)},{N(y + r * .8)}Z",
        Marker.TriangleDown => $"M{N(x)},{N(y + r)}L{N(x + r)},{N(y - r * .8)}L{N(x - r)},{N(y - r * .8)}Z",
        Marker.Diamond => $"M{N(x)},{N(y - r)}L{N(x + r)},{N(y)}L{N(x)},{N(y + r)}L{N(x - r)},{N(y)}Z",
    };

    /// <summary>The line through the known values, broken where a value is missing.</summary>
    public string LinePath(IReadOnlyList<double?> values)
    {
        var d = new System.Text.StringBuilder();
        var pen = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) { pen = false; continue; }
            d.Append(pen ? 'L' : 'M').Append(N(X(i))).Append(',').Append(N(Y(v)));
            pen = true;
        }
        return d.ToString();
    }
}
