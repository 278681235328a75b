using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>H118: a new self-assessment pauses a running program only when it says urgent or emergency.</summary>
public class AssessmentPauseTests
{
    private static readonly ProgramState s_restore = new(Phase.Restore, new DateOnly(2026, 3, 2));

    [Theory]
    [InlineData(TriageLevel.Emergency, PhaseMove.Pause)]
    [InlineData(TriageLevel.Urgent, PhaseMove.Pause)]
    [InlineData(TriageLevel.Routine, PhaseMove.Stay)]
    [InlineData(TriageLevel.SelfCare, PhaseMove.Stay)]
    public void AfterAssessment_PausesOnlyForUrgentOrEmergency_AndKeepsThePhase(TriageLevel triage, PhaseMove expected)
    {
        var decision = PhaseMoves.AfterAssessment(s_restore, triage);
        Assert.Equal(expected, decision.Move);
        Assert.Equal(expected == PhaseMove.Pause, decision.Next.PausedForWarningSign);
        Assert.Equal(Phase.Restore, decision.Next.Phase);
    }

    [Fact]
    public void AfterAssessment_AlreadyPaused_StaysPaused()
    {
        var decision = PhaseMoves.AfterAssessment(s_restore with { PausedForWarningSign = true }, TriageLevel.SelfCare);
        Assert.Equal((PhaseMove.Stay, true), (decision.Move, decision.Next.PausedForWarningSign));
    }
}
