using FsCheck.Xunit;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Catalogue;

public class StretchLadderTests
{
    [Theory]
    [InlineData(ExerciseId.LyingHipRotation)]
    [InlineData(ExerciseId.SideKick)]
    [InlineData(ExerciseId.HipRaise)]
    [InlineData(ExerciseId.LegRaise)]
    public void StretchLadder_RepStretches_Go10To12To15PerSide(ExerciseId stretch) =>
        Assert.Equal([new(10, 0), new(12, 0), new(15, 0)], StretchLadder.Steps(stretch));

    [Fact]
    public void StretchLadder_Butterfly_Is3HoldsOf20To25To30Seconds() =>
        Assert.Equal([new(3, 20), new(3, 25), new(3, 30)], StretchLadder.Steps(ExerciseId.ButterflyStretch));

    [Theory]
    [InlineData(10, 12)]
    [InlineData(12, 15)]
    [InlineData(15, 15)]
    public void StretchLadder_StepUp_TopStaysTop(int from, int to) =>
        Assert.Equal(new StretchDose(to, 0), StretchLadder.StepUp(ExerciseId.SideKick, new(from, 0)));

    [Theory]
    [InlineData(30, 25)]
    [InlineData(25, 20)]
    [InlineData(20, 20)]
    public void StretchLadder_StepDown_FloorStaysFloor(int from, int to) =>
        Assert.Equal(new StretchDose(3, to), StretchLadder.StepDown(ExerciseId.ButterflyStretch, new(3, from)));

    [Theory]
    [InlineData(ExerciseId.StraightLegRaise)]
    [InlineData(ExerciseId.SelfMassage)]
    [InlineData(ExerciseId.SportWarmUp)]
    public void StretchLadder_NotAStretch_IsRejected(ExerciseId id) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StretchLadder.Steps(id));

    [Theory]
    [InlineData(ExerciseId.SideKick, 11, 0)]
    [InlineData(ExerciseId.ButterflyStretch, 10, 0)]
    [InlineData(ExerciseId.ButterflyStretch, 2, 20)]
    public void StretchLadder_OffLadderDose_IsNotAStepAndCannotMove(ExerciseId id, int count, int hold)
    {
        Assert.False(StretchLadder.IsStep(id, new(count, hold)));
        Assert.Throws<ArgumentOutOfRangeException>(() => StretchLadder.StepUp(id, new(count, hold)));
    }

    [Theory]
    [InlineData(10, 0, "10 on each side")]
    [InlineData(3, 25, "3 holds of 25 seconds")]
    public void StretchDose_Text_IsWhatAPatientReads(int count, int hold, string text) =>
        Assert.Equal(text, new StretchDose(count, hold).ToString());

    /// <summary>Any walk of steps up and down stays on the stretch's own ladder.</summary>
    [Property(MaxTest = 1000)]
    public bool StretchLadder_AnyWalk_NeverLeavesItsSteps(int which, bool[] ups)
    {
        var stretch = ExerciseCatalogue.Stretches[Math.Abs(which % ExerciseCatalogue.Stretches.Count)];
        var dose = StretchLadder.Floor(stretch);
        foreach (var up in ups ?? [])
        {
            dose = up ? StretchLadder.StepUp(stretch, dose) : StretchLadder.StepDown(stretch, dose);
            if (!StretchLadder.IsStep(stretch, dose)) return false;
        }
        return StretchLadder.IndexOf(stretch, dose) is >= 0 and <= 2;
    }
}
