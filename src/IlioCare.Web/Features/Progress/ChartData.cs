using IlioCare.Clinical;
using IlioCare.Clinical.Catalogue;
using IlioCare.Web.Components.Charts;

namespace IlioCare.Web.Features.Progress;

/// <summary>A line chart's data as the page draws it: x labels, series, the summary sentence and the table.</summary>
public sealed record LineChartData(IReadOnlyList<string> XLabels, IReadOnlyList<LineSeries> Series, string Summary, ChartTable Table);

/// <summary>The weekly bars: values (null = a paused week), optional caps and 10 % marks.</summary>
public sealed record BarChartData(IReadOnlyList<string> XLabels, IReadOnlyList<int?> Values, string Summary, ChartTable Table)
{
    public IReadOnlyList<int?>? Caps { get; init; }
    public IReadOnlyList<int?>? TenPercent { get; init; }
    /// <summary>The load guard's warnings on the last completed week (SPEC §7); the page shows each in patient words (PatientWords).</summary>
    public IReadOnlyList<Finding> Notes { get; init; } = [];
}

/// <summary>One exercise's dose over the days: the step index in force each day on its ladder.</summary>
public sealed record StepChartData(ExerciseId Exercise, string Name, IReadOnlyList<string> XLabels, IReadOnlyList<string> Levels,
    IReadOnlyList<int?> Values, string Summary, ChartTable Table);

/// <summary>The calendar heat-map: whole weeks of cells, Monday first.</summary>
public sealed record HeatMapData(IReadOnlyList<HeatCell?> Cells, string Summary, ChartTable Table);
