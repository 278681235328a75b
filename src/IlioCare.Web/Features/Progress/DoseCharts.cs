using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using Microsoft.Extensions.Localization;
using IlioCare.Web.Features.Library;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// The dose of each exercise over time (F9, F11): the <see cref="DoseRecord"/> in force each day (the latest with
/// EffectiveFrom ≤ day, as <see cref="PatientProgram"/> reads it), as its step on the exercise's ladder.
/// </summary>
internal static class DoseCharts
{
    public static IReadOnlyList<StepChartData> Build(IStringLocalizer<ProgressText> L, ExerciseWords exercises, DoseWords words, IReadOnlyList<DoseRecord> doses,
        IReadOnlyList<DateOnly> days, Words.ReasonWords? reasons = null) =>
        ExerciseCatalogue.All
            .Where(e => e.Kind is ExerciseKind.Strength or ExerciseKind.Stretch && doses.Any(d => d.Exercise == e.Id))
            .OrderBy(e => e.Kind == ExerciseKind.Strength ? 0 : 1) // the ladder that climbs furthest first
            .Select(e => Build(L, exercises, words, e, doses.Where(d => d.Exercise == e.Id).OrderBy(d => d.EffectiveFrom).ToArray(), days, reasons))
            .ToArray();

    private static StepChartData Build(IStringLocalizer<ProgressText> L, ExerciseWords exercises, DoseWords words, Exercise exercise, DoseRecord[] records,
        IReadOnlyList<DateOnly> days, Words.ReasonWords? reasons)
    {
        // Each step of the ladder in the words Today and the player use (docs/words.md "How we write a dose").
        var levels = words.Levels(exercise.Id);
        var name = exercises.Name(exercise);
        int? Step(DoseRecord? r) => r is null ? null
            : exercise.Kind == ExerciseKind.Strength ? r.StrengthDose() is { } s ? Ladder.IndexOf(s) : null
            : r.StretchDose() is { } t ? StretchLadder.IndexOf(exercise.Id, t) : null;
        DoseRecord? InForce(DateOnly day) => records.LastOrDefault(r => r.EffectiveFrom <= day);

        var values = days.Select(d => Step(InForce(d))).ToArray();
        // The table lists each change of step within the window (and the step it started at), with the engine's reason.
        var changes = new List<(DateOnly Day, int Step, string Reason)>();
        for (var i = 0; i < days.Count; i++)
        {
            if (values[i] is { } v && (i == 0 || values[i - 1] != v))
                changes.Add((days[i], v, InForce(days[i])!.Reason));
        }
        var known = values.OfType<int>().ToArray();
        var ups = values.Zip(values.Skip(1)).Count(p => p is ({ } a, { } b) && b > a);
        var downs = values.Zip(values.Skip(1)).Count(p => p is ({ } a, { } b) && b < a);
        string summary = known.Length == 0
            ? L["{0}: no dose in these weeks.", name]
            : known[0] == known[^1] && ups + downs == 0
                ? L["{0} stayed at {1} over {2}.", name, levels[known[0]], Duration(L, changes.Count == 0 ? 0 : days[^1].DayNumber - changes[0].Day.DayNumber)]
                : L["{0} went from {1} to {2} over {3}: {4} up, {5} down.", name, levels[known[0]], levels[known[^1]],
                    Duration(L, days[^1].DayNumber - changes[0].Day.DayNumber), Steps(L, ups), Steps(L, downs)];
        return new(exercise.Id, name, days.Select(Short).ToArray(), levels, values, summary,
            new ChartTable(L["{0}: each change of dose", name], [L["From"], L["Dose"], L["Why"]],
                changes.Select(c => (IReadOnlyList<string>)[Long(c.Day), levels[c.Step], reasons?.Of(c.Reason) ?? c.Reason]).ToArray()));
    }

    private static string Steps(IStringLocalizer<ProgressText> L, int n) => n == 1 ? L["1 step"] : L["{0} steps", n];
}
