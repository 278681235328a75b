using IlioCare.Clinical.Load;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using IlioCare.Web.Features.Library;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Progress;

/// <summary>Everything the progress page (F11) draws, built from one reading of the patient's own rows.</summary>
public sealed record ProgressView(DateOnly Today, DateOnly WeekStart)
{
    public required LineChartData Pain { get; init; }
    public required LineChartData Stiffness { get; init; }
    public required int StiffnessAxisMax { get; init; }
    public required BarChartData Adherence { get; init; }
    public required BarChartData Sport { get; init; }
    public required IReadOnlyList<StepChartData> Doses { get; init; }
    public required HeatMapData HeatMap { get; init; }
    public required LineChartData FunctionalScale { get; init; }
    /// <summary>The named activities, by position (empty until named).</summary>
    public required IReadOnlyList<FunctionalScaleActivity> Activities { get; init; }
    /// <summary>This week's scores by position (empty until rated this week).</summary>
    public required IReadOnlyDictionary<int, int> ThisWeek { get; init; }
}

/// <summary>
/// Loads the progress page for the signed-in patient only: <see cref="PatientHistory"/> (every query filtered by the
/// account id) plus the functional scale rows, then the pure builders of each chart. Every chart covers the last
/// 8 weeks and today (from the first program day when that is later).
/// </summary>
internal static class ProgressViewHandler
{
    /// <summary>The charts look back 8 weeks from today: today and the 56 days before it.</summary>
    public const int WindowDays = 56;

    /// <summary>
    /// <paramref name="words"/>, <paramref name="exercises"/> and <paramref name="doses"/> give the reader's language (issue 16); without them the
    /// view is in English (the clinician's patient page, until it passes its own).
    /// </summary>
    public static async Task<ProgressView?> LoadAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct,
        IStringLocalizer<ProgressText>? words = null, ExerciseWords? exercises = null, Words.ReasonWords? reasons = null, DoseWords? doses = null) =>
        await db.OnOneConnectionAsync(() => ReadAsync(db, accountId, clock, words, exercises, reasons, doses, ct), ct);

    private static async Task<ProgressView?> ReadAsync(IlioCareDbContext db, string accountId, TimeProvider clock,
        IStringLocalizer<ProgressText>? words, ExerciseWords? exercises, Words.ReasonWords? reasons, DoseWords? doses, CancellationToken ct)
    {
        // The charts draw today and the 56 days before; the heat map also reads the day before the first (its load).
        var history = await PatientHistory.LoadSinceAsync(db, accountId, p => PatientToday.Date(clock, p.TimeZoneId).AddDays(-WindowDays - 1), ct);
        if (history is null || history.States.Count == 0) return null;
        var activities = await db.FunctionalScaleActivities.AsNoTracking().Where(a => a.AccountId == accountId).OrderBy(a => a.Position).ToListAsync(ct);
        var ratings = await db.FunctionalScaleRatings.AsNoTracking().Where(r => r.AccountId == accountId).ToListAsync(ct);
        return Build(history, activities, ratings, PatientToday.Date(clock, history.Profile.TimeZoneId), words, exercises, reasons, doses);
    }

    public static ProgressView Build(PatientHistory history, IReadOnlyList<FunctionalScaleActivity> activities,
        IReadOnlyList<FunctionalScaleRating> ratings, DateOnly today, IStringLocalizer<ProgressText>? words = null, ExerciseWords? exercises = null, Words.ReasonWords? reasons = null,
        DoseWords? doses = null)
    {
        var L = words ?? ProgressText.English;
        exercises ??= ExerciseWords.English;
        doses ??= DoseWords.English;
        var first = new[] { history.States[0].EffectiveOn, history.FirstCheckIn ?? today }.Min();
        var from = first > today.AddDays(-WindowDays) ? first : today.AddDays(-WindowDays);
        var days = Enumerable.Range(0, today.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToArray();
        var checkIns = history.CheckIns.Where(c => c.Date >= from && c.Date <= today).ToDictionary(c => c.Date);
        var weekStart = LoadSeries.WeekStart(today);
        return new(today, weekStart)
        {
            Pain = DailyCharts.Pain(L, days, checkIns),
            Stiffness = DailyCharts.Stiffness(L, days, checkIns),
            StiffnessAxisMax = DailyCharts.StiffnessAxisMax(checkIns, days),
            Adherence = AdherenceChart.Build(L, history, days, today),
            Sport = SportChart.Build(L, history, from, today),
            Doses = DoseCharts.Build(L, exercises, doses, history.Doses, days, reasons),
            HeatMap = HeatMapBuilder.Build(L, history, from, today),
            FunctionalScale = FunctionalScaleChart.Build(L, activities, ratings.Where(r => activities.Any(a => a.Position == r.Position)).ToArray(), weekStart),
            Activities = activities,
            ThisWeek = ratings.Where(r => r.WeekStart == weekStart).ToDictionary(r => r.Position, r => r.Score),
        };
    }
}
