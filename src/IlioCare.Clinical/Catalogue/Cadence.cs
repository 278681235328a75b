namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// The session player's pace for one counted movement (issue 14, "paced repetitions"): seconds to lift (or get
/// into the stretch, or stroke), to hold, and to lower (or release). The player counts one repetition, hold or
/// stroke at the end of each lift – hold – lower. The patient may go slower or faster; that changes lift and
/// lower only, never the hold, which is part of the dose (the band's 3 s, SPEC F7; a stretch's ladder, SPEC §6).
/// </summary>
public readonly record struct Cadence(int LiftSeconds, int HoldSeconds, int LowerSeconds)
{
    public int TotalSeconds => LiftSeconds + HoldSeconds + LowerSeconds;
}

/// <summary>The default pace of each exercise and the pauses between blocks of the player.</summary>
public static class Pacing
{
    /// <summary>
    /// Rest between sets. The player's text has said "Rest a minute between sets" since F7; the article gives
    /// no rest time, and 60 s is the usual rest for light, high-repetition rehabilitation sets (our choice).
    /// </summary>
    public const int RestSeconds = 60;

    /// <summary>Time to change sides or move to the next tender spot before counting goes on (our choice: enough to reposition).</summary>
    public const int SwitchSeconds = 10;

    /// <summary>The get-ready countdown before the first movement of each block (F7's existing 3-second countdown).</summary>
    public const int GetReadySeconds = 3;

    /// <summary>
    /// The default pace for an exercise, given today's hold (0 when nothing is held). Our choice, written down
    /// because the article says only "slowly" and "slow repetitions": 2 s up and 2 s down is the slow,
    /// controlled tempo commonly taught in rehabilitation strength work, with a 1 s pause at the top when no hold
    /// is prescribed. A held stretch takes 3 s to settle in and 5 s to release before the next hold. A massage
    /// stroke is "slow and very short" (article, "Self massage"): about 1 s there and 1 s back.
    /// Works from the kind and the hold, so exercises added later (a clinician's own) get a pace too.
    /// </summary>
    public static Cadence DefaultCadence(Exercise exercise, int holdSeconds) => exercise.Kind switch
    {
        ExerciseKind.Strength => new(2, holdSeconds > 0 ? holdSeconds : 1, 2),
        ExerciseKind.Stretch => holdSeconds > 0 ? new(3, holdSeconds, 5) : new(2, 1, 2),
        ExerciseKind.Massage => new(1, 0, 1),
        // The warm-up is one timed block: all of it is "the hold".
        ExerciseKind.WarmUp => new(0, holdSeconds, 0),
    };
}
