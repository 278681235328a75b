using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Components.Charts;
using IlioCare.Web.Features.Program;
using static IlioCare.Web.Features.Progress.ProgressText;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// The dose of each exercise over time (F9, F11): the <see cref="DoseRecord"/> in force each day (the latest with
/// EffectiveFrom ≤ day, as <see cref="PatientProgram"/> reads it), as its step on the exercise's ladder.
/// </summary>
internal static class DoseCharts
{
    public static IReadOnlyList<StepChartData> Build(IReadOnlyList<DoseRecord> doses, IReadOnlyList<DateOnly> days) =>
        ExerciseCatalogue.All
            .Where(e => e.Kind is ExerciseKind.Strength or ExerciseKind.Stretch && doses.Any(d => d.Exercise == e.Id))
            .OrderBy(e => e.Kind == ExerciseKind.Strength ? 0 : 1) // the ladder that climbs furthest first
            .Select(e => Build(e, doses.Where(d => d.Exercise == e.Id).OrderBy(d => d.EffectiveFrom).ToArray(), days))
            .ToArray();

    /// <summary>"2×15 none", "3×20 heavy": the strengthening ladder's steps, short enough for the axis.</summary>
    public static IReadOnlyList<string> Levels(ExerciseId id) => ExerciseCatalogue.Get(id).Kind == ExerciseKind.Strength
        ? Ladder.Steps.Select(s => $"{s.Sets}×{s.Reps} {s.Resistance.ToString().ToLowerInvariant()}").ToArray()
        : StretchLadder.Steps(id).Select(s => s.IsHeld ? $"{s.Count}×{s.HoldSeconds} s" : $"{s.Count} a side").ToArray();

    private static StepChartData Build(Exercise exercise, DoseRecord[] records, IReadOnlyList<DateOnly> days)
    {
        var levels = Levels(exercise.Id);
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
        var summary = known.Length == 0
            ? $"{exercise.Name}: no dose in these weeks."
            : known[0] == known[^1] && ups + downs == 0
                ? $"{exercise.Name} stayed at {levels[known[0]]} over {Duration(changes.Count == 0 ? 0 : days[^1].DayNumber - changes[0].Day.DayNumber)}."
                : $"{exercise.Name} went from {levels[known[0]]} to {levels[known[^1]]} over {Duration(days[^1].DayNumber - changes[0].Day.DayNumber)}: " +
                  $"{Steps(ups)} up, {Steps(downs)} down.";
        return new(exercise.Id, exercise.Name, days.Select(Short).ToArray(), levels, values, summary,
            new ChartTable($"{exercise.Name}: each change of dose", ["From", "Dose", "Why"],
                changes.Select(c => (IReadOnlyList<string>)[Long(c.Day), levels[c.Step], c.Reason]).ToArray()));
    }

    private static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";
}
