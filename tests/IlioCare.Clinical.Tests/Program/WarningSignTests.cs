using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>Any warning sign pauses the program; it resumes in settle only after a clear assessment and a doctor's check (F3).</summary>
public class WarningSignTests
{
    [Theory]
    [InlineData(Phase.Settle, "1w")]
    [InlineData(Phase.Restore, "1 1 1 1 1 1 1hw")]   // even on the day it would have moved on
    [InlineData(Phase.Return, "1 9w")]               // before a flare
    [InlineData(Phase.Prevent, "1pw")]               // on a holiday day too
    public void WarningSign_AnyPhase_PausesTheProgram(Phase phase, string days)
    {
        var decision = Decide(phase, days);

        Assert.Equal(PhaseMove.Pause, decision.Move);
        Assert.True(decision.Next.PausedForWarningSign);
        Assert.Equal(phase, decision.Next.Phase);
        Assert.StartsWith("Program paused", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningSign_WhilePaused_CalmDaysDoNotMoveAnything()
    {
        var state = new ProgramState(Phase.Settle, Day(0), PausedForWarningSign: true);

        var decision = PhaseMoves.Decide(state, Evidence("1 1 1 1"), Day(3));

        Assert.Equal(PhaseMove.Stay, decision.Move);
        Assert.Same(state, decision.Next);
    }

    [Theory]
    [InlineData(false, false, PhaseMove.Stay)]
    [InlineData(true, false, PhaseMove.Stay)]
    [InlineData(false, true, PhaseMove.Stay)]
    [InlineData(true, true, PhaseMove.Resume)]
    public void WarningSign_Resume_NeedsClearAssessmentAndDoctorCheck(bool clear, bool doctor, PhaseMove expected)
    {
        var paused = new ProgramState(Phase.Return, Day(0), PausedForWarningSign: true);

        var decision = PhaseMoves.Resume(paused, Day(10), clear, doctor);

        Assert.Equal(expected, decision.Move);
        Assert.Equal(expected != PhaseMove.Resume, decision.Next.PausedForWarningSign);
    }

    [Fact]
    public void WarningSign_Resume_RestartsInSettleCountingFromTomorrow()
    {
        var decision = PhaseMoves.Resume(new ProgramState(Phase.Prevent, Day(0), true), Day(10), true, true);

        Assert.Equal(new ProgramState(Phase.Settle, Day(11)), decision.Next);
    }

    [Fact]
    public void ClinicianSetsPhase_WhilePaused_PauseStays()
    {
        var state = ProgramState.SetOn(Phase.Restore, Day(5), pausedForWarningSign: true);

        Assert.True(state.PausedForWarningSign);
        Assert.Equal(Day(6), state.CountsFrom);
    }
}
