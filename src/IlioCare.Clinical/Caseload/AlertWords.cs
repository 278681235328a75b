using System.Globalization;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Caseload;

/// <summary>
/// The one place an alert becomes plain words for the clinician (issue 15: "Fever and red, warm skin reported on
/// 3 Dec", "Stopped side kick: pain went up"), never raw codes such as "red-warm-skin" or "side-kick". Every kind of
/// <see cref="AlertKind"/> has a title (<see cref="Title"/>) and its reasons are built only here; the exhaustive
/// switches make a new kind or a new sign fail to compile until it has words.
/// </summary>
public static class AlertWords
{
    /// <summary>The alert's kind as a short heading on the caseload.</summary>
    public static string Title(AlertKind kind) => kind switch
    {
        AlertKind.WarningSign => "Warning sign",
        AlertKind.SeverePain => "Pain 7 or more",
        AlertKind.Flare => "Flare",
        AlertKind.Stop => "Exercise stopped",
        AlertKind.MissedCheckIn => "Missed check-in",
    };

    /// <summary>A warning sign as a clinician names it in a sentence (lower case; the first word is capitalised by <see cref="Signs"/>).</summary>
    public static string Sign(WarningSign sign) => sign switch
    {
        WarningSign.Fever => "fever",
        WarningSign.Chills => "chills",
        WarningSign.RedWarmSkin => "red, warm skin",
        WarningSign.FeelingSick => "feeling unwell",
        WarningSign.AbdominalPain => "belly pain",
        WarningSign.NumbnessOrWeakness => "numbness or weakness in a leg",
        WarningSign.BladderOrBowelChange => "a new bladder or bowel problem",
        WarningSign.SaddleNumbness => "numbness in the saddle area",
        WarningSign.CannotBearWeight => "cannot bear weight on the leg",
        WarningSign.FallOrTrauma => "a fall, blow or accident",
        WarningSign.HopPain => "pain on hopping",
        WarningSign.JointPain => "pain deep in the hip joint",
        WarningSign.NightPain => "pain at night",
        WarningSign.WeightLoss => "unexplained weight loss",
        WarningSign.CancerHistory => "a history of cancer",
        WarningSign.SwellingOrLump => "a swelling or lump",
        WarningSign.ScrotalPain => "pain or swelling in the scrotum",
    };

    /// <summary>"Fever", "Fever and red, warm skin", "Fever, chills and red, warm skin" — in the declared (SPEC §3) order.</summary>
    public static string Signs(IEnumerable<WarningSign> signs)
    {
        var words = signs.Distinct().Order().Select(Sign).ToArray();
        var text = words.Length switch
        {
            0 => "a warning sign",
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + " and " + words[^1],
        };
        return Capital(text);
    }

    /// <summary>An exercise as a word in a sentence: "side kick", "straight leg raise".</summary>
    public static string Exercise(ExerciseId id)
    {
        var name = ExerciseCatalogue.Get(id).Name;
        return name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }

    public static string WarningSignReported(IEnumerable<WarningSign> signs, DateOnly on) => $"{Signs(signs)} reported on {Day(on)}";

    public static string PausedSinceSign(IEnumerable<WarningSign> signs, DateOnly on) =>
        $"Program paused: {LowerFirst(Signs(signs))} reported on {Day(on)}";

    public static string PausedSince(DateOnly since) => $"Program paused for a warning sign since {Day(since)}";

    public static string SeverePain(int painNow, DateOnly on) => $"Pain {painNow} out of 10 on {Day(on)}";

    public static string Flare(DateOnly on, string why) => $"Flare on {Day(on)}: {why}";

    public static string FlareBySeverePain(int pain) => $"pain {pain} out of 10";

    public static string FlareByRise(int pain, double rise, int over) =>
        $"pain {pain} out of 10, {rise.ToString("0.#", CultureInfo.InvariantCulture)} above the average of the {over} check-ins before";

    public static string FlareBySecondStop(int windowDays) => $"a second exercise stopped for pain within {windowDays} days";

    public static string FlareJudged(int pain) => $"pain {pain} out of 10 (judged a flare by the morning review)";

    public static string Stopped(ExerciseId exercise, DateOnly on, int stopsInWindow, int windowDays) =>
        Stopped(Exercise(exercise), on, stopsInWindow, windowDays);

    /// <summary>A stop on a clinician's own exercise (issue 15) is named as its clinician wrote it.</summary>
    public static string Stopped(string exerciseName, DateOnly on, int stopsInWindow, int windowDays) =>
        $"Stopped {exerciseName}: pain went up ({Day(on)})" + (stopsInWindow > 1 ? $"; {stopsInWindow} stops in the last {windowDays} days" : "");

    public static string NoCheckInSince(DateOnly last) => $"No check-in since {Day(last)}";

    public static string NoCheckInYet(DateOnly programStart) => $"No check-in yet (program started {Day(programStart)})";

    // The same sentences as codes and parts (AlertReason), so a page can word them in the reader's language.
    public static AlertReason WarningSignReportedReason(IEnumerable<WarningSign> signs, DateOnly on) =>
        new(AlertReasonCode.WarningSignReported, WarningSignReported(signs, on)) { Signs = [.. signs.Distinct().Order()], Day = on };

    public static AlertReason PausedSinceSignReason(IEnumerable<WarningSign> signs, DateOnly on) =>
        new(AlertReasonCode.PausedSinceSign, PausedSinceSign(signs, on)) { Signs = [.. signs.Distinct().Order()], Day = on };

    public static AlertReason PausedSinceReason(DateOnly since) => new(AlertReasonCode.PausedSince, PausedSince(since)) { Day = since };

    public static AlertReason SeverePainReason(int painNow, DateOnly on) =>
        new(AlertReasonCode.SeverePain, SeverePain(painNow, on)) { Pain = painNow, Day = on };

    public static AlertReason FlareReason(DateOnly on, AlertReason why) => new(AlertReasonCode.Flare, Flare(on, why.Text)) { Day = on, Why = why };

    public static AlertReason FlareBySeverePainReason(int pain) => new(AlertReasonCode.FlareBySeverePain, FlareBySeverePain(pain)) { Pain = pain };

    public static AlertReason FlareByRiseReason(int pain, double rise, int over) =>
        new(AlertReasonCode.FlareByRise, FlareByRise(pain, rise, over)) { Pain = pain, Rise = rise, Count = over };

    public static AlertReason FlareBySecondStopReason(int windowDays) =>
        new(AlertReasonCode.FlareBySecondStop, FlareBySecondStop(windowDays)) { WindowDays = windowDays };

    public static AlertReason FlareJudgedReason(int pain) => new(AlertReasonCode.FlareJudged, FlareJudged(pain)) { Pain = pain };

    /// <summary>A stop: a catalogue exercise by its id, a clinician's own by the name its clinician wrote (<paramref name="customName"/>).</summary>
    public static AlertReason StoppedReason(ExerciseId exercise, string? customName, DateOnly on, int stopsInWindow, int windowDays) =>
        new(AlertReasonCode.Stopped, Stopped(customName ?? Exercise(exercise), on, stopsInWindow, windowDays))
        {
            Exercise = customName is null ? exercise : null, CustomExercise = customName, Day = on, Count = stopsInWindow, WindowDays = windowDays,
        };

    public static AlertReason NoCheckInSinceReason(DateOnly last) => new(AlertReasonCode.NoCheckInSince, NoCheckInSince(last)) { Day = last };

    public static AlertReason NoCheckInYetReason(DateOnly programStart) => new(AlertReasonCode.NoCheckInYet, NoCheckInYet(programStart)) { Day = programStart };

    /// <summary>"23 Nov": short, unambiguous whatever the clinician's locale.</summary>
    public static string Day(DateOnly d) => d.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
