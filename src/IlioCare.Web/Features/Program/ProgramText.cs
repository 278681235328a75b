using System.Globalization;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// The program page's plain words, built from the engine's own constants (PhaseMoves, Flare) so the page can
/// never promise a different rule than the one that runs (SPEC §4).
/// </summary>
internal static class ProgramText
{
    public static IReadOnlyList<Phase> Phases { get; } = Enum.GetValues<Phase>();

    public static string Name(Phase phase) => WireName.Of(phase) switch { var n => char.ToUpperInvariant(n[0]) + n[1..] };

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string WhatItIs(Phase phase) => phase switch
    {
        Phase.Settle => "Let it calm down: rest from the sport that hurts, gentle pain-free stretches and self-massage. No strengthening yet.",
        Phase.Restore => "All five stretches and the three strengthening exercises, once a day.",
        Phase.Return => "Your exercises plus sport again, built up by no more than 10 % a week, with a warm-up first.",
        Phase.Prevent => "Keep it away: warm up before sport, stretch three times a week and strengthen twice.",
    };

    public static string WhatMovesItOn(Phase phase, int preInjuryWeeklyMinutes) => phase switch
    {
        Phase.Settle =>
            $"You move on to restore after {PhaseMoves.SettleDays} days in a row, each with a check-in, with pain now at " +
            $"{PhaseMoves.SettlePainNowAtMost} or less and morning stiffness of {PhaseMoves.SettleStiffnessMinutesAtMost} minutes or less.",
        Phase.Restore =>
            $"You move on to return after {PhaseMoves.RestoreDays} days in a row, each with a check-in, with pain now at " +
            $"{PhaseMoves.RestorePainNowAtMost} or less, once every strengthening exercise is at light resistance or more. " +
            "Then the check-in asks you to hop 10 times on the sore leg: if that does not hurt, you move on; if it hurts, " +
            $"the {PhaseMoves.RestoreDays} days start again and a physiotherapist should check your hip.",
        Phase.Return =>
            $"You move on to prevent after a completed week (Monday to Sunday) with your pre-injury {preInjuryWeeklyMinutes} " +
            "minutes of sport and no flare.",
        Phase.Prevent => "Prevent is the last phase: keep going with it to keep the pain away.",
    };

    /// <summary>SPEC §4 flare, from <see cref="Flare"/>'s constants.</summary>
    public static string FlareRule { get; } =
        $"A flare steps you back a phase (return and prevent back to restore, restore back to settle; in settle its count starts again): " +
        $"a check-in with pain now at {Flare.SeverePain} or more, or pain now {Flare.RiseAboveMean} or more above your average " +
        $"of the last {Flare.MeanOver} check-ins, or a second exercise stopped for pain within {Flare.StopWindowDays} days.";

    public static string Move(PhaseMove move) => move switch
    {
        PhaseMove.Stay => "Start",
        PhaseMove.Advance => "Moved on",
        PhaseMove.StepBack => "Stepped back",
        PhaseMove.Restart => "Count restarted",
        PhaseMove.Pause => "Paused",
        PhaseMove.Resume => "Resumed",
    };
}
