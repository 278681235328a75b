using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// The program's plain words in the reader's language (issue 16), built from the engine's own constants
/// (PhaseMoves, Flare) so the page can never promise a different rule than the one that runs (SPEC §4).
/// Today and the program page both name and explain the phases here, so they never disagree.
/// </summary>
public sealed class ProgramText(IStringLocalizer<ProgramText> L)
{
    public static IReadOnlyList<Phase> Phases { get; } = Enum.GetValues<Phase>();

    /// <summary>The phase's word (docs/words.md: settle, restore, return, prevent; calmar, recuperar, volver, prevenir).</summary>
    public string Name(Phase phase) => phase switch
    {
        Phase.Settle => L["Settle"],
        Phase.Restore => L["Restore"],
        Phase.Return => L["Return"],
        Phase.Prevent => L["Prevent"],
    };

    /// <summary>What the phase is, said the first time a page names it (docs/words.md, "explain on first use").</summary>
    public string WhatItIs(Phase phase) => phase switch
    {
        Phase.Settle => L["The first phase: let your hip calm down. Rest from the sport that hurts, do gentle stretches that do not hurt, and self-massage. No strengthening yet."],
        Phase.Restore => L["The second phase: build your strength back, step by step. All five stretches and the three strengthening exercises, once a day."],
        Phase.Return => L["The third phase: go back to your sport, a little more each week (no more than 10 % more), with a warm-up first."],
        Phase.Prevent => L["The last phase: keep the pain from coming back. Warm up before sport, stretch three times a week and strengthen twice."],
    };

    public string WhatMovesItOn(Phase phase, int preInjuryWeeklyMinutes) => phase switch
    {
        Phase.Settle => L["You move on to restore after {0} days in a row with a check-in each day, pain {1} or less and morning stiffness of {2} minutes or less.",
            PhaseMoves.SettleDays, PhaseMoves.SettlePainNowAtMost, PhaseMoves.SettleStiffnessMinutesAtMost],
        Phase.Restore => L["You move on to return after {0} days in a row with a check-in each day and pain {1} or less, once every strengthening exercise uses a band. Then the check-in asks you to hop 10 times on the sore leg. If that does not hurt, you move on. If it hurts, the {0} days start again and a physiotherapist should check your hip.",
            PhaseMoves.RestoreDays, PhaseMoves.RestorePainNowAtMost],
        Phase.Return => L["You move on to prevent after a full week (Monday to Sunday) with your {0} minutes of sport from before the pain, and no flare.",
            preInjuryWeeklyMinutes],
        Phase.Prevent => L["Prevent is the last phase. Keep going with it to keep the pain away."],
    };

    /// <summary>SPEC §4 flare, from <see cref="Flare"/>'s constants.</summary>
    public string FlareRule => L["A flare is a day your pain flares up. It moves you back one phase (return and prevent back to restore, restore back to settle; in settle the count starts again). It happens when a check-in has pain {0} or more, or pain {1} or more above your average of the last {2} check-ins, or when you stop a second exercise for pain within {3} days.",
        Flare.SeverePain, Flare.RiseAboveMean, Flare.MeanOver, Flare.StopWindowDays];

    public string Move(PhaseMove move) => move switch
    {
        PhaseMove.Stay => L["Start"],
        PhaseMove.Advance => L["Moved on"],
        PhaseMove.StepBack => L["Stepped back"],
        PhaseMove.Restart => L["Count restarted"],
        PhaseMove.Pause => L["Paused"],
        PhaseMove.Resume => L["Resumed"],
    };
}
