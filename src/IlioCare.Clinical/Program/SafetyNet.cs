using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Program;

/// <summary>
/// The one answer to "is this patient paused by a warning sign right now?" (F3). Today, the program page, the
/// paused and resume pages, the session player, the API and the clinician's caseload all ask it, so they cannot
/// disagree and a patient is never sent round in a circle (issue 12).
/// </summary>
/// <remarks>
/// Our reading of F3 for a resume on the day of the sign (README "Where the spec allowed two readings"): the
/// resume stands from the moment the patient confirms it. The signs reported up to then — in today's check-in
/// and every check-in since the pause began — are covered by the new clean assessment and the doctor's check,
/// so they no longer pause; the program is in settle from that moment (gentle stretches and self-massage, no
/// strengthening, no sport) and its count of calm days starts the next day. A sign the patient reports after
/// the resume (added to today's check-in, or in a later one) is not covered and pauses again.
/// </remarks>
public static class SafetyNet
{
    /// <summary>The signs of a check-in that still count: reported and not covered by a resume.</summary>
    public static IReadOnlySet<WarningSign> OpenSigns(IEnumerable<WarningSign> reported, IEnumerable<WarningSign> checkedAtResume)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(checkedAtResume);
        var open = reported.ToHashSet();
        open.ExceptWith(checkedAtResume);
        return open;
    }

    /// <summary>
    /// Paused by a warning sign on a day: the state in force that day says so (the morning review wrote it), or
    /// that day's check-in has a sign no resume has covered. The second half keeps the safety net from depending
    /// on the stored state alone: a sign in today's check-in pauses even before its review is stored.
    /// </summary>
    /// <param name="statePaused">The program state in force that day is paused for a warning sign.</param>
    /// <param name="openSignsThatDay">That day's check-in's <see cref="OpenSigns"/> (empty without a check-in).</param>
    public static bool PausedByWarningSign(bool statePaused, IReadOnlyCollection<WarningSign> openSignsThatDay)
    {
        ArgumentNullException.ThrowIfNull(openSignsThatDay);
        return statePaused || openSignsThatDay.Count > 0;
    }
}
