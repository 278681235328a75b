using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>Every closed vocabulary of SPEC §3–§7 is spelled on the wire exactly as the spec writes it.</summary>
public class VocabularyTests
{
    private static void AssertWireNames<T>(params string[] spec) where T : struct, Enum =>
        Assert.Equal(spec, Enum.GetValues<T>().Select(Wire.Of));

    [Fact]
    public void TriageLevel_WireNames_LowestFirst() => AssertWireNames<TriageLevel>("self-care", "routine", "urgent", "emergency");

    [Fact]
    public void Side_WireNames() => AssertWireNames<Side>("left", "right", "both");

    [Fact]
    public void Sex_WireNames() => AssertWireNames<Sex>("female", "male", "other");

    [Fact]
    public void PainSite_WireNames() => AssertWireNames<PainSite>(
        "front-of-hip", "groin", "outer-hip", "front-of-thigh", "knee", "buttock", "lower-back", "below-knee");

    [Fact]
    public void Aggravator_WireNames() => AssertWireNames<Aggravator>(
        "hip-flexion", "running", "kicking", "rising-from-sitting", "leg-extension-driving", "stairs", "knee-to-chest", "lying-down");

    [Fact]
    public void Activity_WireNames() => AssertWireNames<Activity>(
        "running", "rowing", "cycling", "strength-training", "kicking-sports", "dance", "other");

    [Fact]
    public void Phase_WireNames() => AssertWireNames<Phase>("settle", "restore", "return", "prevent");

    [Fact]
    public void ExerciseId_WireNames_AreTheCatalogueIds() => AssertWireNames<ExerciseId>(
        "lying-hip-rotation", "butterfly-stretch", "side-kick", "hip-raise", "leg-raise",
        "straight-leg-raise", "seated-marching", "standing-band-hip-flexion", "self-massage", "sport-warm-up");

    [Fact]
    public void Progression_WireNames()
    {
        AssertWireNames<PainRule>("strict", "monitoring");
        AssertWireNames<Resistance>("none", "light", "medium", "heavy");
        Assert.Equal(new[] { "progress", "hold", "regress", "stop" }.Order(), Enum.GetValues<ProgressionAction>().Select(Wire.Of).Order());
    }

    [Fact]
    public void AcwrZone_WireNames() => AssertWireNames<AcwrZone>("low", "sweet-spot", "caution", "high-risk");
}
