using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Tests.Catalogue;

public class ExerciseCatalogueTests
{
    public static TheoryData<ExerciseId> EveryId() => new(Enum.GetValues<ExerciseId>());

    [Theory]
    [MemberData(nameof(EveryId))]
    public void Catalogue_EveryId_HasACompleteEntry(ExerciseId id)
    {
        var entry = ExerciseCatalogue.Get(id);

        Assert.Equal(id, entry.Id);
        Assert.False(string.IsNullOrWhiteSpace(entry.Name));
        Assert.True(entry.Steps.Count >= 3, "a patient needs at least a start, a movement and an end");
        Assert.All(entry.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.False(string.IsNullOrWhiteSpace(entry.DoseText));
        Assert.NotEmpty(entry.Phases);
        Assert.Contains("Article", entry.Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryId))]
    public void Catalogue_EverySafetyNote_SaysStopIfPainGoesUp(ExerciseId id) =>
        Assert.StartsWith("Stop if your pain goes up", ExerciseCatalogue.Get(id).SafetyNote, StringComparison.Ordinal);

    [Theory]
    [InlineData(ExerciseId.LyingHipRotation, ExerciseKind.Stretch, true)]
    [InlineData(ExerciseId.ButterflyStretch, ExerciseKind.Stretch, false)]
    [InlineData(ExerciseId.SideKick, ExerciseKind.Stretch, true)]
    [InlineData(ExerciseId.HipRaise, ExerciseKind.Stretch, true)]
    [InlineData(ExerciseId.LegRaise, ExerciseKind.Stretch, true)]
    [InlineData(ExerciseId.StraightLegRaise, ExerciseKind.Strength, true)]
    [InlineData(ExerciseId.SeatedMarching, ExerciseKind.Strength, true)]
    [InlineData(ExerciseId.StandingBandHipFlexion, ExerciseKind.Strength, true)]
    [InlineData(ExerciseId.SelfMassage, ExerciseKind.Massage, false)]
    [InlineData(ExerciseId.SportWarmUp, ExerciseKind.WarmUp, false)]
    public void Catalogue_KindAndSide_FollowSpec5(ExerciseId id, ExerciseKind kind, bool perSide)
    {
        Assert.Equal(kind, ExerciseCatalogue.Get(id).Kind);
        Assert.Equal(perSide, ExerciseCatalogue.Get(id).PerSide);
    }

    [Theory]
    [InlineData(ExerciseId.ButterflyStretch, 20)]
    [InlineData(ExerciseId.StandingBandHipFlexion, 3)]
    [InlineData(ExerciseId.LyingHipRotation, null)]
    [InlineData(ExerciseId.StraightLegRaise, null)]
    public void Catalogue_Holds_ButterflyStarts20sBandHolds3s(ExerciseId id, int? seconds) =>
        Assert.Equal(seconds, ExerciseCatalogue.Get(id).HoldSeconds);

    [Theory]
    [InlineData(Phase.Settle, new[] { ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch, ExerciseId.SelfMassage })]
    [InlineData(Phase.Restore, new[]
    {
        ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch, ExerciseId.SideKick, ExerciseId.HipRaise, ExerciseId.LegRaise,
        ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion, ExerciseId.SportWarmUp,
    })]
    [InlineData(Phase.Return, new[]
    {
        ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch, ExerciseId.SideKick, ExerciseId.HipRaise, ExerciseId.LegRaise,
        ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion, ExerciseId.SportWarmUp,
    })]
    [InlineData(Phase.Prevent, new[]
    {
        ExerciseId.LyingHipRotation, ExerciseId.ButterflyStretch, ExerciseId.SideKick, ExerciseId.HipRaise, ExerciseId.LegRaise,
        ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion, ExerciseId.SportWarmUp,
    })]
    public void Catalogue_ForPhase_FollowsSpec4(Phase phase, ExerciseId[] expected) =>
        Assert.Equal(expected, ExerciseCatalogue.ForPhase(phase).Select(e => e.Id));

    [Fact]
    public void Catalogue_StretchesAndStrengthening_AreFiveAndThree()
    {
        Assert.Equal(5, ExerciseCatalogue.Stretches.Count);
        Assert.Equal(
            [ExerciseId.StraightLegRaise, ExerciseId.SeatedMarching, ExerciseId.StandingBandHipFlexion],
            ExerciseCatalogue.Strengthening);
    }

    [Fact]
    public void Massage_TenderSpots_AreWorkedTopDownWith15StrokesEach()
    {
        Assert.Equal([TenderSpot.NearNavel, TenderSpot.FrontOfPelvis, TenderSpot.AboveTendon], ExerciseCatalogue.TenderSpots);
        Assert.Equal(15, ExerciseCatalogue.MassageStrokesPerSpot);
        Assert.All(ExerciseCatalogue.TenderSpots, s => Assert.False(string.IsNullOrWhiteSpace(ExerciseCatalogue.Describe(s))));
    }

    [Theory]
    [InlineData(TenderSpot.NearNavel, "near-navel")]
    [InlineData(TenderSpot.FrontOfPelvis, "front-of-pelvis")]
    [InlineData(TenderSpot.AboveTendon, "above-tendon")]
    public void TenderSpot_WireNames_AreKebabCase(TenderSpot spot, string wire) => Assert.Equal(wire, WireName.Of(spot));
}
