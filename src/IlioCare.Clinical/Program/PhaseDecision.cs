namespace IlioCare.Clinical.Program;

/// <summary>What the phase engine did today.</summary>
public enum PhaseMove
{
    /// <summary>Same phase, the count goes on.</summary>
    Stay,
    /// <summary>On to the next phase (settle → restore → return → prevent).</summary>
    Advance,
    /// <summary>Back a phase after a flare (return/prevent → restore, restore → settle).</summary>
    StepBack,
    /// <summary>Same phase, the count starts again (a flare in settle, a painful hop test in restore).</summary>
    Restart,
    /// <summary>A warning sign paused the program (F3).</summary>
    Pause,
    /// <summary>The pause was lifted; the program starts again in settle (F3).</summary>
    Resume,
}

/// <summary>The engine's decision, with the reason a patient reads (SPEC §4).</summary>
/// <param name="Move">What happened.</param>
/// <param name="Next">The program's state from now on.</param>
/// <param name="Reason">Plain language: what was decided and why.</param>
public sealed record PhaseDecision(PhaseMove Move, ProgramState Next, string Reason)
{
    /// <summary>Today's check-in was a flare (SPEC §4); the caseload (F13) and the load weeks (§7) use it.</summary>
    public bool IsFlare { get; init; }

    /// <summary>Restore's other conditions hold: ask the 10-hop test on the sore leg in the next check-in.</summary>
    public bool AskHopTest { get; init; }

    /// <summary>The hop test hurt: suggest a physiotherapist checks the hip (SPEC §4).</summary>
    public bool SuggestPhysioCheck { get; init; }
}
