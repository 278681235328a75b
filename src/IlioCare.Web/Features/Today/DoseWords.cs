using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Custom;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Program;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Today;

/// <summary>
/// The one place a dose becomes the words a patient reads, in the reader's language (issue 16, docs/words.md
/// "How we write a dose"): "2 sets of 15, no band", "3 holds of 30 seconds", "10 each side". Today, the session
/// player and the program page ask here; IlioCare.Clinical's own <c>Dose.ToString()</c> stays the CLI's and the
/// API's English.
/// </summary>
public sealed class DoseWords(IStringLocalizer<DoseWords> L)
{
    /// <summary>The English keys as written: for builders called without a reader (the API's and a clinician's views).</summary>
    public static DoseWords English { get; } = new(new Words.KeysAsText<DoseWords>());

    /// <summary>Today's dose of a session item (the step the session planner chose).</summary>
    public string Of(SessionItem item) => item.Exercise.Kind switch
    {
        ExerciseKind.Strength => Of(item.Strength ?? Ladder.Floor),
        ExerciseKind.Stretch => Of(item.Stretch ?? StretchLadder.Floor(item.Exercise.Id)),
        ExerciseKind.Massage or ExerciseKind.WarmUp => Of(item.Exercise),
    };

    /// <summary>The dose in force from a stored record, or the exercise's starting dose when there is none.</summary>
    public string Of(Exercise exercise, DoseRecord? record) => exercise.Kind switch
    {
        ExerciseKind.Strength => Of(record?.StrengthDose() ?? Ladder.Floor),
        ExerciseKind.Stretch => Of(record?.StretchDose() ?? StretchLadder.Floor(exercise.Id)),
        ExerciseKind.Massage or ExerciseKind.WarmUp => Of(exercise),
    };

    public string Of(Dose dose) => dose.Resistance switch
    {
        Resistance.None => L["{0} sets of {1}, no band", dose.Sets, dose.Reps],
        Resistance.Light => L["{0} sets of {1}, light band", dose.Sets, dose.Reps],
        Resistance.Medium => L["{0} sets of {1}, medium band", dose.Sets, dose.Reps],
        Resistance.Heavy => L["{0} sets of {1}, heavy band", dose.Sets, dose.Reps],
    };

    /// <summary>A non-held stretch is counted on each side (StretchDose); the butterfly is held, both legs at once.</summary>
    public string Of(StretchDose dose) => dose.IsHeld
        ? L["{0} holds of {1} seconds", dose.Count, dose.HoldSeconds]
        : L["{0} each side", dose.Count];

    /// <summary>
    /// Every step of an exercise's ladder in words, floor first: the levels of the progress page's dose chart
    /// ("2 sets of 15, no band" … "3 sets of 20, heavy band"; "3 holds of 20 seconds" …).
    /// </summary>
    public IReadOnlyList<string> Levels(ExerciseId id) => ExerciseCatalogue.Get(id).Kind == ExerciseKind.Strength
        ? Ladder.Steps.Select(Of).ToArray()
        : StretchLadder.Steps(id).Select(Of).ToArray();

    /// <summary>Sets and repetitions without the band: "2 sets of 10", "1 set of 12".</summary>
    public string Sets(int sets, int reps) => sets == 1 ? L["1 set of {0}", reps] : L["{0} sets of {1}", sets, reps];

    public string Minutes(int minutes) => minutes == 1 ? L["1 minute"] : L["{0} minutes", minutes];

    /// <summary>The fixed doses: massage strokes and the warm-up's minutes (no ladder).</summary>
    private string Of(Exercise exercise) => exercise.Kind == ExerciseKind.Massage
        ? L["{0} strokes on each sore spot", ExerciseCatalogue.MassageStrokesPerSpot]
        : L["About {0} minutes, right before your sport", ExerciseCatalogue.WarmUpMinutes];

    /// <summary>
    /// Why today's dose is what it is. The session planner's own two sentences have words here; a reason the
    /// progression engine or a clinician stored is shown as written (it has no code yet to translate by).
    /// </summary>
    public string Reason(string reason) => reason switch
    {
        SessionPlanner.StartingDoseReason => L["Starting dose: the easiest level."],
        SessionPlanner.CurrentDoseReason => L["Your current level. It goes up after 3 good sessions within 7 days, and down if your pain goes up."],
        _ => reason,
    };

    /// <summary>A physio's own exercise (issue 15): its fixed dose and its side, "2 sets of 10, on each side".</summary>
    public string Of(CustomDose dose, CustomSides sides) => Sides(sides) is { Length: > 0 } side
        ? L["{0}, {1}", Of(dose), side]
        : Of(dose);

    public string Of(CustomDose dose) => dose.Type switch
    {
        CustomDoseType.Repetitions => Sets(dose.Sets ?? 0, dose.Reps ?? 0),
        CustomDoseType.Holds => dose.Holds == 1 ? L["1 hold of {0} seconds", dose.Seconds ?? 0] : L["{0} holds of {1} seconds", dose.Holds ?? 0, dose.Seconds ?? 0],
        CustomDoseType.Minutes => Minutes(dose.Minutes ?? 0),
    };

    private string Sides(CustomSides sides) => sides switch
    {
        CustomSides.EachSide => L["on each side (left first, then right)"],
        CustomSides.LeftOnly => L["on the left side only"],
        CustomSides.RightOnly => L["on the right side only"],
        CustomSides.NoSide => "",
    };

    /// <summary>"Every day", or "On Monday, Wednesday and Friday" (Monday first), with the culture's day names.</summary>
    public string Frequency(IReadOnlySet<DayOfWeek> weekdays)
    {
        if (weekdays.Count is 0 or 7) return L["Every day"];
        var names = weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d)).ToArray();
        return names.Length == 1 ? L["On {0}", names[0]] : L["On {0} and {1}", string.Join(", ", names[..^1]), names[^1]];
    }
}
