namespace IlioCare.Clinical.Program;

/// <summary>How much sport a phase allows this week (SPEC §4 with §7), with the words a patient reads.</summary>
/// <param name="CapMinutes">This week's cap in minutes (0 = no sport).</param>
/// <param name="Graded">True when the cap grows by the 10 % rule (return, prevent); false when it is fixed.</param>
public sealed record SportAllowance(int CapMinutes, bool Graded, string Text)
{
    /// <summary>
    /// F3: a warning sign pauses the whole program, sport included, whatever the phase was (H104): the §7 cap of
    /// return would otherwise still read as permission to run.
    /// </summary>
    public static SportAllowance PausedForWarningSign { get; } =
        new(0, false, "No sport: your program is paused because of a warning sign. See a doctor first.");

    /// <summary>
    /// SPEC §4: settle — "relative rest from the aggravating sport (sport cap 0)"; restore — "none when reached
    /// from settle; when reached by a flare, sport held at the flare cap (§7), no increases"; return and prevent —
    /// graded sport under the §7 cap.
    /// </summary>
    /// <param name="flareCap">Restore reached by a flare: the cap the flare left (null when reached from settle).</param>
    /// <param name="weeklyCap">Return/prevent: the §7 cap of this week (LoadGuard's next-week cap).</param>
    public static SportAllowance For(Phase phase, int? flareCap, int weeklyCap) => phase switch
    {
        Phase.Settle => new(0, false, "Sport cap 0: rest from the sport that hurts while the pain settles."),
        Phase.Restore when flareCap is { } held => new(held, false,
            $"Sport held at {held} minutes a week after your flare, with no increases until you are back in return."),
        Phase.Restore => new(0, false, "No sport yet: the exercises come first; graded sport starts in the return phase."),
        // Article: "no more than 10 % per week". The patient reads the rule and why, not a source they cannot see.
        Phase.Return or Phase.Prevent => new(weeklyCap, true,
            $"This week's sport cap: {weeklyCap} minutes. It grows by at most 10 % a week: building up faster than that is how overuse pain starts."),
    };
}
