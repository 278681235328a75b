using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>
/// Restore → return after 7 days in a row with pain now ≤ 2, every strengthening exercise not excluded at
/// light resistance or more, and a pain-free 10-hop test, asked once the rest holds (SPEC §4).
/// </summary>
public class RestoreTests
{
    [Theory]
    [InlineData("2 2 2 2 2 2 2h", PhaseMove.Advance, false)]      // exactly 7, hop answered pain-free
    [InlineData("1 1 1 1 1 1 1 1h", PhaseMove.Advance, false)]    // asked the day after the rest held
    [InlineData("1 1 1 1 1 1 1", PhaseMove.Stay, true)]           // the rest holds: ask the hop test
    [InlineData("1 1 1 1 1 1", PhaseMove.Stay, false)]            // 6 days: not yet
    [InlineData("1 1 1 1 1 1h", PhaseMove.Stay, false)]           // a pain-free hop before 7 days moves nothing
    [InlineData("1 1 1 3 1 1 1 1h", PhaseMove.Stay, false)]       // pain 3 inside the 7 breaks the run
    [InlineData("1 1 1 _ 1 1 1 1h", PhaseMove.Stay, false)]       // a gap breaks the run
    [InlineData("1 1 1 1p 1 1 1 1h", PhaseMove.Stay, false)]      // so does a paused day
    public void Phase_RestoreSevenCalmDaysAndPainFreeHops_MovesToReturn(string days, PhaseMove expected, bool askHop)
    {
        var decision = Decide(Phase.Restore, days);

        Assert.Equal(expected, decision.Move);
        Assert.Equal(expected == PhaseMove.Advance ? Phase.Return : Phase.Restore, decision.Next.Phase);
        Assert.Equal(askHop, decision.AskHopTest);
    }

    [Fact]
    public void Phase_RestorePainfulHopTest_RestartsTheSevenDaysAndSuggestsPhysio()
    {
        var decision = Decide(Phase.Restore, "1 1 1 1 1 1 1 1H");

        Assert.Equal(PhaseMove.Restart, decision.Move);
        Assert.Equal(Phase.Restore, decision.Next.Phase);
        Assert.Equal(Day(8), decision.Next.CountsFrom);
        Assert.True(decision.SuggestPhysioCheck);
        Assert.False(decision.IsFlare);
    }

    [Fact]
    public void Phase_RestoreAfterPainfulHopTest_NeedsSevenNewDays()
    {
        var state = new ProgramState(Phase.Restore, Day(8));
        const string Days = "1 1 1 1 1 1 1 1H 1 1 1 1 1 1h";

        Assert.Equal(PhaseMove.Stay, PhaseMoves.Decide(state, Evidence(Days), Today(Days)).Move);
        const string Later = Days + " 1h";
        Assert.Equal(PhaseMove.Advance, PhaseMoves.Decide(state, Evidence(Later), Today(Later)).Move);
    }

    [Theory]
    [InlineData(Resistance.None, PhaseMove.Stay)]
    [InlineData(Resistance.Light, PhaseMove.Advance)]
    [InlineData(Resistance.Heavy, PhaseMove.Advance)]
    public void Phase_RestoreStrengtheningBelowLight_HoldsBackReturn(Resistance seatedMarching, PhaseMove expected)
    {
        const string Days = "1 1 1 1 1 1 1h";
        var doses = AllAt(Resistance.Light);
        doses[ExerciseId.SeatedMarching] = new Dose(3, 20, seatedMarching);
        var evidence = Evidence(Days) with { StrengthDoses = doses };

        var decision = PhaseMoves.Decide(new ProgramState(Phase.Restore, Day(0)), evidence, Today(Days));

        Assert.Equal(expected, decision.Move);
        if (expected == PhaseMove.Stay)
            Assert.Contains("Seated marching", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_RestoreExerciseExcludedByClinician_DoesNotHoldBackReturn()
    {
        const string Days = "1 1 1 1 1 1 1h";
        var doses = AllAt(Resistance.Light);
        doses.Remove(ExerciseId.StandingBandHipFlexion);
        var evidence = Evidence(Days) with
        {
            StrengthDoses = doses,
            ExcludedByClinician = new HashSet<ExerciseId> { ExerciseId.StandingBandHipFlexion },
        };

        var decision = PhaseMoves.Decide(new ProgramState(Phase.Restore, Day(0)), evidence, Today(Days));

        Assert.Equal(PhaseMove.Advance, decision.Move);
    }

    [Fact]
    public void Phase_RestoreMissingStrengthDose_CountsAsNoResistance()
    {
        const string Days = "1 1 1 1 1 1 1h";
        var evidence = Evidence(Days) with { StrengthDoses = new Dictionary<ExerciseId, Dose>() };

        var decision = PhaseMoves.Decide(new ProgramState(Phase.Restore, Day(0)), evidence, Today(Days));

        Assert.Equal(PhaseMove.Stay, decision.Move);
        Assert.False(decision.AskHopTest);
    }
}
