using System.Security.Claims;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// <c>/api/v1/me/program</c>, <c>/api/v1/me/progress</c> and <c>/api/v1/me/functional-scale</c>: the program and progress
/// pages' own loaders (<see cref="ProgramOverviewHandler"/>, <see cref="ProgressViewHandler"/>) and the functional
/// scale's writer (<see cref="FunctionalScaleHandler"/>), with the page's rules: three distinct activities named once,
/// one score 0–10 each per week.
/// </summary>
internal static class ProgressEndpoints
{
    internal sealed record ScaleInput(IReadOnlyList<string>? Activities, IReadOnlyList<int>? Scores);

    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Program and progress");
        me.MapGet("/program", ProgramAsync);
        me.MapGet("/progress", ProgressAsync);
        me.MapGet("/functional-scale", ScaleAsync);
        me.MapPut("/functional-scale", PutScaleAsync);
        return app;
    }

    internal static async Task<IResult> ProgramAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ProgramOverviewHandler.LoadAsync(db, ApiGroups.AccountId(user), clock, ct) is not { } program) return CheckInEndpoints.NotOnboarded();
        return TypedResults.Ok(new
        {
            date = program.Today,
            phase = WireName.Of(program.State.Phase),
            reason = program.State.Reason,
            clinicianNote = program.State.Note,
            pausedForWarningSign = program.PausedForWarningSign,
            progress = program.Progress,
            holidayPause = program.HolidayPause is { } p ? new { startedOn = p.StartedOn, reason = WireName.Of(p.Reason) } : null,
            painRule = WireName.Of(program.Profile.PainRule),
            history = program.History.Select(s => new { effectiveOn = s.EffectiveOn, phase = WireName.Of(s.Phase), move = WireName.Of(s.Move), reason = s.Reason, setBy = s.SetBy }),
            exercises = program.Exercises.Select(e => new { exercise = WireName.Of(e.Exercise.Id), name = e.Exercise.Name, kind = WireName.Of(e.Exercise.Kind), dose = e.DoseText, reason = e.Reason }),
        });
    }

    /// <summary>The progress page's chart series and their table alternatives, as JSON.</summary>
    internal static async Task<IResult> ProgressAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ProgressViewHandler.LoadAsync(db, ApiGroups.AccountId(user), clock, ct) is not { } view) return CheckInEndpoints.NotOnboarded();
        return TypedResults.Ok(new
        {
            date = view.Today,
            weekStart = view.WeekStart,
            pain = Line(view.Pain),
            stiffness = Line(view.Stiffness),
            adherence = Bars(view.Adherence),
            sport = Bars(view.Sport),
            doses = view.Doses.Select(d => new { exercise = WireName.Of(d.Exercise), name = d.Name, days = d.XLabels, levels = d.Levels, values = d.Values, summary = d.Summary }),
            heatMap = new { cells = view.HeatMap.Cells.Where(c => c is not null), summary = view.HeatMap.Summary },
            functionalScale = Line(view.FunctionalScale),
        });
    }

    internal static async Task<IResult> ScaleAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ProgressViewHandler.LoadAsync(db, ApiGroups.AccountId(user), clock, ct) is { } view ? TypedResults.Ok(Scale(view)) : CheckInEndpoints.NotOnboarded();

    /// <summary>
    /// <c>{"activities": [3 names], "scores": [3 scores]}</c>, either or both: names only while none are named (the same
    /// names again are accepted; others are a 409 — start again on the progress page); scores rate this week.
    /// </summary>
    internal static async Task<IResult> PutScaleAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        if (await ProgressViewHandler.LoadAsync(db, accountId, clock, ct) is not { } view) return CheckInEndpoints.NotOnboarded();
        var body = await JsonBody.ReadAsync(request, ReadScale, ct);
        if (body.Value is not { } input) return body.Problem!;
        var named = view.Activities.Select(a => a.Name).ToList();
        if (input.Activities is { } names && named.Count > 0 && !names.SequenceEqual(named, StringComparer.Ordinal))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The activities are already named",
                detail: "Scores mean something only against the same activities; to change them, start the scale again on the progress page.");
        if (input.Scores is not null && named.Count == 0 && input.Activities is null)
            return JsonBody.Invalid("activities", "are required before the first scores: name the three activities");
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Activities is { } toName && named.Count == 0)
            await FunctionalScaleHandler.NameAsync(db, accountId, [.. toName], now, ct);
        if (input.Scores is { } scores)
            await FunctionalScaleHandler.RateAsync(db, accountId, view.WeekStart, [.. scores], now, ct);
        return TypedResults.Ok(Scale((await ProgressViewHandler.LoadAsync(db, accountId, clock, ct))!));
    }

    private static ScaleInput? ReadScale(ObjectReader o)
    {
        var activities = o.OptionalTextList("activities", FunctionalScale.Activities, FunctionalScale.NameLength);
        var scores = o.OptionalIntList("scores", FunctionalScale.Activities, 0, FunctionalScale.Best);
        if (activities is not null)
        {
            for (var i = 1; i < activities.Count; i++)
            {
                if (activities.Take(i).Contains(activities[i], StringComparer.OrdinalIgnoreCase))
                    o.Error($"activities[{i}]", "must name a different activity from the ones before it");
            }
        }
        if (activities is null && scores is null && !o.HasErrors) o.Error("$", "send activities, scores or both");
        return o.HasErrors ? null : new(activities, scores);
    }

    private static object Scale(ProgressView view) => new
    {
        weekStart = view.WeekStart,
        activities = view.Activities.Select(a => new { position = a.Position, name = a.Name, scoreThisWeek = view.ThisWeek.TryGetValue(a.Position, out var s) ? s : (int?)null }),
    };

    private static object Line(LineChartData chart) => new
    {
        days = chart.XLabels,
        series = chart.Series.Select(s => new { name = s.Name, values = s.Values }),
        summary = chart.Summary,
        table = Table(chart.Table),
    };

    private static object Bars(BarChartData chart) => new
    {
        weeks = chart.XLabels, values = chart.Values, caps = chart.Caps, tenPercent = chart.TenPercent, notes = chart.Notes,
        summary = chart.Summary, table = Table(chart.Table),
    };

    private static object Table(ChartTable table) => new { caption = table.Caption, headers = table.Headers, rows = table.Rows };
}
