using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>Return → prevent when a completed week reaches the pre-injury weekly minutes without a flare (SPEC §4).</summary>
public class ReturnTests
{
    private const int PreInjury = 180;

    [Theory]
    [InlineData(7, 180, false, 14, PhaseMove.Advance)]   // the week of day 7 ended on day 13
    [InlineData(7, 240, false, 14, PhaseMove.Advance)]   // more than before the injury
    [InlineData(7, 179, false, 14, PhaseMove.Stay)]      // one minute short
    [InlineData(7, 180, true, 14, PhaseMove.Stay)]       // a flare week does not count
    [InlineData(7, 180, false, 13, PhaseMove.Stay)]      // the week is not over yet
    [InlineData(0, 180, false, 14, PhaseMove.Stay)]      // begun before return started (count from day 1)
    public void Phase_ReturnWeekAtPreInjuryMinutes_MovesToPrevent(int weekStartDay, int minutes, bool flare, int today, PhaseMove expected)
    {
        var evidence = new PhaseEvidence
        {
            CheckIns = [new(Day(today), 1, 0, 1)],
            PreInjuryWeeklyMinutes = PreInjury,
            ReturnWeeks = [new(Day(weekStartDay), minutes, flare)],
        };

        var decision = PhaseMoves.Decide(new ProgramState(Phase.Return, Day(1)), evidence, Day(today));

        Assert.Equal(expected, decision.Move);
        Assert.Equal(expected == PhaseMove.Advance ? Phase.Prevent : Phase.Return, decision.Next.Phase);
    }

    [Fact]
    public void Phase_ReturnToPrevent_ReasonNamesTheWeekAndTheTarget()
    {
        var evidence = new PhaseEvidence
        {
            CheckIns = [new(Day(14), 1, 0, 1)],
            PreInjuryWeeklyMinutes = PreInjury,
            ReturnWeeks = [new(Day(7), 200, false)],
        };

        var decision = PhaseMoves.Decide(new ProgramState(Phase.Return, Day(7)), evidence, Day(14));

        Assert.Equal("Moved to prevent: the week of 2025-03-10 reached your pre-injury level of 180 minutes of sport without a flare.", decision.Reason);
    }

    [Fact]
    public void Phase_Prevent_IsTheLastPhase() =>
        Assert.Equal(PhaseMove.Stay, Decide(Phase.Prevent, "1 1 1 1 1 1 1 1").Move);

    [Fact]
    public void LoadWeek_NotStartingOnMonday_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadWeek(Day(1), 10, false));
}
