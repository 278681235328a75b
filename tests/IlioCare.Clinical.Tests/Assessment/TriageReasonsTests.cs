using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>The level of each reason code, as SPEC §3 lists it: what the result page groups its reasons by.</summary>
public class TriageReasonsTests
{
    // Written out from SPEC §3 (revision 3), not read from the rules, so a rule moved to another level fails here.
    [Theory]
    [InlineData("emergency", "bladder-or-bowel-change,saddle-numbness,possible-cauda-equina,possible-fracture,older-adult-fall,possible-infection,child-fever,spreading-infection,possible-torsion,possible-bleed")]
    [InlineData("urgent", "fever,chills,red-warm-skin,feeling-sick,abdominal-pain,numbness-or-weakness,cannot-bear-weight,fall-or-trauma,hop-pain,scrotal-pain,possible-malignancy,adolescent-hip,sudden-severe,possible-clot")]
    [InlineData("routine", "joint-pain,night-pain,weight-loss,cancer-history,swelling-or-lump,below-knee,runner-limp,worsening,symptom-days,pain-worst,age-50-plus,pregnancy,blood-thinners")]
    public void LevelOf_EveryCodeOfSpec3_IsItsLevel(string level, string codes)
    {
        foreach (var code in Wire.List(codes))
            Assert.True(Wire.Of(TriageReasons.LevelOf(code)) == level, $"{code} should be {level}, is {Wire.Of(TriageReasons.LevelOf(code))}");
    }

    [Fact]
    public void LevelOf_RetiredChildFeverLimp_StaysEmergency_ForStoredResults() =>
        Assert.Equal(TriageLevel.Emergency, TriageReasons.LevelOf("child-fever-limp"));

    [Theory]
    [InlineData("iliopsoas-related")] // a pattern, not a reason
    [InlineData("Fever")]             // codes are exact
    [InlineData("")]
    public void LevelOf_UnknownCode_IsNull(string code) => Assert.Null(TriageReasons.LevelOf(code));

    [Fact]
    public void LevelOf_ReasonsOfAResult_NeverAboveItsTriage_AndSomeAtIt()
    {
        // Pain 8 at worst (routine) with bladder trouble (emergency): each reason keeps its own level.
        var result = new Answers { Flags = "bladder-or-bowel-change,fever", PainNow = 5, PainWorst = 8, SymptomDays = 10 }.Assess();
        Assert.Equal(TriageLevel.Emergency, result.Triage);
        Assert.Equal([TriageLevel.Emergency, TriageLevel.Urgent, TriageLevel.Routine],
            result.Reasons.Select(r => TriageReasons.LevelOf(r.Code)!.Value).ToArray());
    }
}
