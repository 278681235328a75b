using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>Today's session from the phase (SPEC §4, §5, F18).</summary>
public class SessionPlannerTests
{
    private static readonly ExerciseId[] s_stretches =
        [ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch, ExerciseId.SideKick, ExerciseId.HipRaise, ExerciseId.LegRaise];

    private static readonly ExerciseId[] s_strength =
        [ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion];

    private static ExerciseId[] Plan(SessionRequest request) =>
        SessionPlanner.For(request).Items.Select(i => i.Exercise.Id).ToArray();

    [Fact]
    public void Session_Settle_IsMassageThenTheTwoGentleStretches_NoStrengthening() =>
        Assert.Equal(
            [ExerciseId.SelfMassage, ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch],
            Plan(new(Phase.Settle, Day(0)) { SportDay = true }));

    [Fact]
    public void Session_MassageExcludedBySafetyCheck_IsLeftOut() =>
        Assert.Equal(
            [ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch],
            Plan(new(Phase.Settle, Day(0)) { MassageExcluded = true }));

    [Theory]
    [InlineData(Phase.Restore)]
    [InlineData(Phase.Return)]
    public void Session_RestoreAndReturn_AreAllStretchesThenStrengthening(Phase phase) =>
        Assert.Equal([.. s_stretches, .. s_strength], Plan(new(phase, Day(0))));

    [Theory]
    [InlineData(Phase.Restore)]
    [InlineData(Phase.Return)]
    [InlineData(Phase.Prevent)]
    public void Session_SportDay_StartsWithTheWarmUp(Phase phase) =>
        Assert.Equal(ExerciseId.SportWarmUp, Plan(new(phase, Day(0)) { SportDay = true })[0]);

    [Theory]
    [InlineData(0, true, false)]   // Monday: stretches
    [InlineData(1, false, true)]   // Tuesday: strengthening
    [InlineData(2, true, false)]   // Wednesday: stretches
    [InlineData(3, false, false)]  // Thursday: rest
    [InlineData(4, true, true)]    // Friday: both
    [InlineData(5, false, false)]  // Saturday: rest
    [InlineData(6, false, false)]  // Sunday: rest
    public void Session_Prevent_StretchesThreeTimesStrengtheningTwiceAWeek(int day, bool stretches, bool strength)
    {
        var plan = Plan(new(Phase.Prevent, Day(day)));

        Assert.Equal(stretches, s_stretches.All(plan.Contains));
        Assert.Equal(strength, s_strength.All(plan.Contains));
        Assert.Equal(stretches, plan.Any(s_stretches.Contains));
        Assert.Equal(strength, plan.Any(s_strength.Contains));
    }

    [Fact]
    public void Session_PreventRestDayWithSport_IsTheWarmUpOnly() =>
        Assert.Equal([ExerciseId.SportWarmUp], Plan(new(Phase.Prevent, Day(3)) { SportDay = true }));

    [Fact]
    public void Session_ExcludedByClinician_IsLeftOut()
    {
        var plan = Plan(new(Phase.Restore, Day(0)) { ExcludedByClinician = new HashSet<ExerciseId> { ExerciseId.SideKick } });

        Assert.DoesNotContain(ExerciseId.SideKick, plan);
        Assert.Equal(7, plan.Length);
    }

    [Theory]
    [InlineData(ProgramPause.WarningSign)]
    [InlineData(ProgramPause.HolidayOrIllness)]
    public void Session_Paused_HasNoExercises(ProgramPause pause) =>
        Assert.Empty(Plan(new(Phase.Restore, Day(0)) { Pause = pause, SportDay = true }));

    [Fact]
    public void Session_Doses_ComeFromTheLaddersWithTheirReasons()
    {
        var session = SessionPlanner.For(new(Phase.Restore, Day(0))
        {
            StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = new(3, 15, Resistance.Light) },
            StretchDoses = new Dictionary<ExerciseId, StretchDose> { [ExerciseId.ButterflyStretch] = new(3, 25) },
            DoseReasons = new Dictionary<ExerciseId, string> { [ExerciseId.SeatedMarching] = "3 good sessions in 7 days: one step up." },
        });
        var byId = session.Items.ToDictionary(i => i.Exercise.Id);

        Assert.Equal("3×15, light resistance", byId[ExerciseId.SeatedMarching].DoseText);
        Assert.Equal("3 good sessions in 7 days: one step up.", byId[ExerciseId.SeatedMarching].Reason);
        Assert.Equal(Ladder.Floor, byId[ExerciseId.StraightLegRaise].Strength);
        Assert.StartsWith("Starting dose", byId[ExerciseId.StraightLegRaise].Reason, StringComparison.Ordinal);
        Assert.Equal("3 holds of 25 seconds", byId[ExerciseId.ButterflyStretch].DoseText);
        Assert.Equal("10 on each side", byId[ExerciseId.SideKick].DoseText);
    }

    [Fact]
    public void Session_DoseOffTheLadder_IsRejected() =>
        Assert.Throws<ArgumentException>(() => SessionPlanner.For(new(Phase.Restore, Day(0))
        {
            StrengthDoses = new Dictionary<ExerciseId, Dose> { [ExerciseId.SeatedMarching] = new(1, 7, Resistance.Light) },
        }));

    [Fact]
    public void Session_Massage_ListsTheTenderSpotsTopDown()
    {
        var massage = SessionPlanner.For(new(Phase.Settle, Day(0))).Items[0];

        Assert.Equal("15 slow, very short strokes on each tender spot", massage.DoseText);
        var navel = massage.Reason.IndexOf("navel", StringComparison.Ordinal);
        var pelvis = massage.Reason.IndexOf("pelvis", StringComparison.Ordinal);
        var tendon = massage.Reason.IndexOf("tendon", StringComparison.Ordinal);
        Assert.True(navel >= 0 && navel < pelvis && pelvis < tendon, massage.Reason);
    }
}
