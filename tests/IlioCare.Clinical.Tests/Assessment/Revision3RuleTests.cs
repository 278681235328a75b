namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>
/// The rules SPEC §3 revision 3 added, each at its edges. Expected reasons are the full list in the documented
/// order: highest level first, within a level the bare flags then the named rules as SPEC §3 lists them.
/// </summary>
public class Revision3RuleTests
{
    // child-fever replaces child-fever-limp: a septic hip in a child can show no limp.
    [Theory]
    [InlineData(17, "fever", false, "emergency", "child-fever,fever")]
    [InlineData(17, "chills", false, "emergency", "child-fever,chills")]
    [InlineData(13, "fever", false, "emergency", "child-fever,fever")]
    [InlineData(10, "fever,chills", false, "emergency", "child-fever,fever,chills")]
    [InlineData(17, "fever", true, "emergency", "child-fever,fever,adolescent-hip")]
    [InlineData(18, "fever", false, "urgent", "fever")]
    [InlineData(18, "fever", true, "urgent", "fever")]
    [InlineData(17, "", true, "urgent", "adolescent-hip")]
    [InlineData(17, "feeling-sick", false, "urgent", "feeling-sick")]
    public void Assess_UnderEighteenWithFeverOrChills_IsChildFever(int age, string flags, bool limp, string level, string reasons)
    {
        var result = new Answers { Age = age, Flags = flags, Limp = limp }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    // spreading-infection: necrotising infection can come before the fever.
    [Theory]
    [InlineData("red-warm-skin,feeling-sick", "emergency", "spreading-infection,red-warm-skin,feeling-sick")]
    [InlineData("red-warm-skin,feeling-sick,fever", "emergency", "possible-infection,spreading-infection,fever,red-warm-skin,feeling-sick")]
    [InlineData("red-warm-skin", "urgent", "red-warm-skin")]
    [InlineData("feeling-sick", "urgent", "feeling-sick")]
    [InlineData("feeling-sick,abdominal-pain", "urgent", "feeling-sick,abdominal-pain")]
    public void Assess_RedWarmSkinWithFeelingSick_IsSpreadingInfection(string flags, string level, string reasons)
    {
        var result = new Answers { Flags = flags }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    // possible-torsion: scrotal-pain with symptomDays ≤ 1.
    [Theory]
    [InlineData(0, "emergency", "possible-torsion,scrotal-pain")]
    [InlineData(1, "emergency", "possible-torsion,scrotal-pain")]
    [InlineData(2, "urgent", "scrotal-pain")]
    [InlineData(3650, "urgent", "scrotal-pain,symptom-days")]
    public void Assess_ScrotalPainWithinADay_IsPossibleTorsion(int symptomDays, string level, string reasons)
    {
        var result = new Answers { SymptomDays = symptomDays, Flags = "scrotal-pain" }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
        Assert.Null(result.StartPhase);
    }

    // possible-bleed: blood thinners with numbness-or-weakness or cannot-bear-weight.
    [Theory]
    [InlineData(true, "numbness-or-weakness", "emergency", "possible-bleed,numbness-or-weakness,blood-thinners")]
    [InlineData(true, "cannot-bear-weight", "emergency", "possible-bleed,cannot-bear-weight,blood-thinners")]
    [InlineData(true, "fever", "urgent", "fever,blood-thinners")]
    [InlineData(true, "", "routine", "blood-thinners")]
    [InlineData(false, "numbness-or-weakness", "urgent", "numbness-or-weakness")]
    [InlineData(false, "cannot-bear-weight", "urgent", "cannot-bear-weight")]
    public void Assess_BloodThinnersWithNumbnessOrNotBearingWeight_IsPossibleBleed(bool bloodThinners, string flags, string level, string reasons)
    {
        var result = new Answers { BloodThinners = bloodThinners, Flags = flags }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    // sudden-severe: symptomDays ≤ 1 with painWorst ≥ 8 (urgent); pain-worst (routine) fires beside it.
    [Theory]
    [InlineData(0, 8, "urgent", "sudden-severe,pain-worst")]
    [InlineData(1, 8, "urgent", "sudden-severe,pain-worst")]
    [InlineData(1, 10, "urgent", "sudden-severe,pain-worst")]
    [InlineData(2, 8, "routine", "pain-worst")]
    [InlineData(1, 7, "self-care", "")]
    [InlineData(0, 7, "self-care", "")]
    public void Assess_SuddenSeverePain_IsUrgent(int symptomDays, int painWorst, string level, string reasons)
    {
        var result = new Answers { SymptomDays = symptomDays, PainNow = 2, PainWorst = painWorst }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
        if (level == "urgent") Assert.Null(result.StartPhase);
    }

    // possible-clot: pregnantOrPostpartum with swelling-or-lump, or a site front-of-thigh or below-knee.
    [Theory]
    [InlineData(true, "swelling-or-lump", "", "urgent", "possible-clot,swelling-or-lump,pregnancy")]
    [InlineData(true, "", "front-of-thigh", "urgent", "possible-clot,pregnancy")]
    [InlineData(true, "", "below-knee", "urgent", "possible-clot,below-knee,pregnancy")]
    [InlineData(true, "", "groin", "routine", "pregnancy")]
    [InlineData(true, "", "knee", "routine", "pregnancy")]
    [InlineData(false, "swelling-or-lump", "front-of-thigh", "routine", "swelling-or-lump")]
    [InlineData(false, "", "below-knee", "routine", "below-knee")]
    [InlineData(false, "", "front-of-thigh", "self-care", "")]
    public void Assess_PregnantWithThighOrLegSwellingOrPain_IsPossibleClot(bool pregnant, string flags, string sites, string level, string reasons)
    {
        var result = new Answers { PregnantOrPostpartum = pregnant, Flags = flags, Sites = sites }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    // pregnancy and blood-thinners: routine risk factors that never change startPhase (SPEC §3).
    [Theory]
    [InlineData(true, false, "pregnancy")]
    [InlineData(false, true, "blood-thinners")]
    [InlineData(true, true, "pregnancy,blood-thinners")]
    public void Assess_RiskFactorsAlone_AreRoutineAndKeepRestore(bool pregnant, bool bloodThinners, string reasons)
    {
        var result = new Answers { PregnantOrPostpartum = pregnant, BloodThinners = bloodThinners }.Assess();

        Assert.Equal("routine", result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
        Assert.Equal("restore", result.Phase());
    }

    [Fact]
    public void Assess_PregnancyAnswerFalse_AddsNothing()
    {
        var result = new Answers { PregnantOrPostpartum = false, BloodThinners = false, Sites = "front-of-thigh,below-knee", Flags = "swelling-or-lump" }.Assess();

        Assert.Equal(["swelling-or-lump", "below-knee"], result.ReasonCodes());
        Assert.Equal("routine", result.Level());
    }

    [Fact]
    public void Assess_RiskFactorWithARoutineFlag_StartsInSettleBecauseOfTheFlagOnly()
    {
        Assert.Equal("settle", new Answers { BloodThinners = true, Flags = "night-pain" }.Assess().Phase());
        Assert.Equal("restore", new Answers { BloodThinners = true, PregnantOrPostpartum = true, Age = 55 }.Assess().Phase());
    }

    [Fact]
    public void Assess_EveryRevision3RuleAtOnce_ListsReasonsInTheDocumentedOrder()
    {
        var result = new Answers
        {
            Age = 16, SymptomDays = 1, PainNow = 8, PainWorst = 9, Limp = true, PregnantOrPostpartum = true, BloodThinners = true,
            Sites = "front-of-thigh",
            Flags = "scrotal-pain,feeling-sick,red-warm-skin,chills,numbness-or-weakness,swelling-or-lump",
        }.Assess();

        Assert.Equal("emergency", result.Level());
        Assert.Equal(
        [
            "possible-infection", "child-fever", "spreading-infection", "possible-torsion", "possible-bleed",
            "chills", "red-warm-skin", "feeling-sick", "numbness-or-weakness", "scrotal-pain",
            "adolescent-hip", "sudden-severe", "possible-clot",
            "swelling-or-lump", "pain-worst", "pregnancy", "blood-thinners",
        ], result.ReasonCodes());
        Assert.Null(result.StartPhase);
        Assert.Empty(result.Patterns);
    }

    [Fact]
    public void Assess_EveryReasonText_IsPlainWithoutSpecReferences()
    {
        var result = new Answers
        {
            Age = 16, SymptomDays = 1, PainNow = 8, PainWorst = 9, Limp = true, PregnantOrPostpartum = true, BloodThinners = true,
            Sites = "front-of-thigh", Flags = "scrotal-pain,feeling-sick,red-warm-skin,chills,fever,numbness-or-weakness,swelling-or-lump",
        }.Assess();

        Assert.All(result.Reasons, r =>
        {
            Assert.DoesNotContain("SPEC", r.Text);
            Assert.DoesNotContain("§", r.Text);
            Assert.DoesNotContain("article", r.Text, StringComparison.OrdinalIgnoreCase);
        });
    }
}
