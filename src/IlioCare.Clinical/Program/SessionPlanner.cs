using System.Collections.Frozen;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Program;

/// <summary>
/// Builds today's session (SPEC §4, §5, F7). The phase's exercises come from the catalogue
/// (<see cref="Exercise.Phases"/>), so settle can never hold strengthening. One session per day, each
/// exercise once in it: strengthening is done at most once a day (article: "once a day").
/// Order: warm-up (sport days), self-massage, stretches, strengthening — the warm-up first because it comes
/// "before sports activities", massage before stretching to ease the tender spots, and the heavier work last.
/// </summary>
public static class SessionPlanner
{
    /// <summary>
    /// Prevent's stretch days (SPEC §4: 3×/week). Our choice of fixed weekdays, so the plan is easy to
    /// remember and the days are spread through the week: Monday, Wednesday, Friday.
    /// </summary>
    public static IReadOnlySet<DayOfWeek> PreventStretchDays { get; } =
        FrozenSet.Create(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);

    /// <summary>
    /// Prevent's strengthening days (SPEC §4: 2×/week). Our choice: Tuesday and Friday, at least two rest days
    /// between two strengthening sessions.
    /// </summary>
    public static IReadOnlySet<DayOfWeek> PreventStrengthDays { get; } =
        FrozenSet.Create(DayOfWeek.Tuesday, DayOfWeek.Friday);

    public static Session For(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paused = request.Pause switch
        {
            ProgramPause.None => null,
            ProgramPause.WarningSign => "No exercises while the program is paused for a warning sign: see a doctor first.",
            ProgramPause.HolidayOrIllness => "No exercises today: you paused the program for a holiday or illness.",
        };
        if (paused is not null)
            return new(request.Date, request.Phase, [], paused);

        var day = request.Date.DayOfWeek;
        var items = ExerciseCatalogue.ForPhase(request.Phase)
            .Where(e => !request.ExcludedByClinician.Contains(e.Id))
            .Where(e => e.Kind switch
            {
                ExerciseKind.WarmUp => request.SportDay,
                ExerciseKind.Massage => !request.MassageExcluded,
                ExerciseKind.Stretch => request.Phase != Phase.Prevent || PreventStretchDays.Contains(day),
                ExerciseKind.Strength => request.Phase != Phase.Prevent || PreventStrengthDays.Contains(day),
            })
            .OrderBy(e => Rank(e.Kind))
            .Select(e => Item(e, request))
            .ToArray();
        return new(request.Date, request.Phase, items, Reason(request, items.Length == 0));
    }

    private static int Rank(ExerciseKind kind) => kind switch
    {
        ExerciseKind.WarmUp => 0,
        ExerciseKind.Massage => 1,
        ExerciseKind.Stretch => 2,
        ExerciseKind.Strength => 3,
    };

    private static SessionItem Item(Exercise exercise, SessionRequest request)
    {
        var given = request.DoseReasons.GetValueOrDefault(exercise.Id);
        return exercise.Kind switch
        {
            ExerciseKind.Strength => StrengthItem(exercise, request, given),
            ExerciseKind.Stretch => StretchItem(exercise, request, given),
            ExerciseKind.Massage => new(exercise,
                $"{ExerciseCatalogue.MassageStrokesPerSpot} slow, very short strokes on each tender spot",
                "Work the tender spots from the top down, one at a time: " +
                string.Join(", then ", ExerciseCatalogue.TenderSpots.Select(s => ExerciseCatalogue.Describe(s).ToLowerInvariant())) + "."),
            ExerciseKind.WarmUp => new(exercise,
                $"About {ExerciseCatalogue.WarmUpMinutes} minutes, right before your sport",
                "You plan sport today: warming the muscles first lowers the chance of a muscle or tendon injury."),
        };
    }

    private static SessionItem StrengthItem(Exercise exercise, SessionRequest request, string? given)
    {
        var known = request.StrengthDoses.TryGetValue(exercise.Id, out var dose);
        dose = known ? dose : Ladder.Floor;
        if (!Ladder.IsStep(dose))
            throw new ArgumentException($"{dose} is not a step of the strengthening ladder.", nameof(request));
        return new(exercise, dose.ToString(), given ?? LadderReason(known)) { Strength = dose };
    }

    private static SessionItem StretchItem(Exercise exercise, SessionRequest request, string? given)
    {
        var known = request.StretchDoses.TryGetValue(exercise.Id, out var dose);
        dose = known ? dose : StretchLadder.Floor(exercise.Id);
        if (!StretchLadder.IsStep(exercise.Id, dose))
            throw new ArgumentException($"{dose} is not a step of the {exercise.Name} ladder.", nameof(request));
        return new(exercise, dose.ToString(), given ?? LadderReason(known)) { Stretch = dose };
    }

    /// <summary>The reason for an exercise the engine has not dosed yet (pages translate it by this text).</summary>
    public const string StartingDoseReason = "Starting dose: the easiest level.";

    /// <summary>The reason for a dose the engine set without a reason of its own.</summary>
    public const string CurrentDoseReason = "Your current level. It goes up after 3 good sessions within 7 days, and down if your pain goes up.";

    private static string LadderReason(bool known) => known ? CurrentDoseReason : StartingDoseReason;

    private static string Reason(SessionRequest request, bool empty)
    {
        var reason = request.Phase switch
        {
            Phase.Settle => "Settle: rest from your sport, gentle stretches and self-massage; no strengthening until the hip has calmed down.",
            Phase.Restore => "Restore: all five stretches and the three strengthening exercises, once today.",
            Phase.Return => "Return: the restore exercises, and a warm-up before every sport session; keep sport under your weekly cap.",
            Phase.Prevent => "Prevent: stretches on Monday, Wednesday and Friday, strengthening on Tuesday and Friday, and a warm-up before sport.",
        };
        if (request.Phase == Phase.Settle && request.SportDay)
            reason += " Settle means a break from sport: leave it for now.";
        if (request.MassageExcluded && request.Phase == Phase.Settle)
            reason += " Self-massage is left out after your massage safety check.";
        if (empty)
            reason += " Nothing to do today: a rest day.";
        return reason;
    }
}
