using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Web.Features.Clinician;

namespace IlioCare.Web.Tests;

/// <summary>F16 clinician bodies through the strict validator (SPEC §2): every bad field named.</summary>
public class CaseloadApiContractTests
{
    [Fact]
    public void ReadProgram_BadFields_AllNamed()
    {
        var result = JsonContract.Read("""
            {"version": "3", "phase": "Settle", "excluded": ["side-kick", "side-kick"], "note": 5, "colour": "red",
             "doses": [{"exercise": "straight-leg-raise", "step": "9x9-none"}, {"exercise": "self-massage", "step": "x"}]}
            """, CaseloadApiContract.ReadProgram);

        Assert.Null(result.Value);
        Assert.Equal(["colour", "doses[0].step", "doses[1].exercise", "excluded[1]", "note", "phase", "version"],
            result.ErrorsByField().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadProgram_Valid_OnlyWhatIsGivenChanges()
    {
        var result = JsonContract.Read("""{"version": 4, "phase": "restore", "doses": [{"exercise": "butterfly-stretch", "step": "3x25"}], "note": "Easy"}""",
            CaseloadApiContract.ReadProgram);

        var change = Assert.IsType<ProgramChange>(result.Value);
        Assert.Equal((4, Phase.Restore, null, null, "Easy"), (change.Version, change.Phase, change.PainRule, change.Excluded, change.Note));
        Assert.Equal("3x25", change.Doses[ExerciseId.ButterflyStretch].Code);
    }

    [Fact]
    public void ReadTreatment_FutureDateAndUnknownKind_Named()
    {
        var result = JsonContract.Read("""{"date": "2030-01-01", "kind": "acupuncture", "notes": null}""",
            r => CaseloadApiContract.ReadTreatment(r, new DateOnly(2026, 11, 25)));

        Assert.Equal(["date", "kind", "notes"], result.ErrorsByField().Keys.Order(StringComparer.Ordinal));
    }
}
