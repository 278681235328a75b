namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>
/// The named combinations of SPEC §3 at the emergency and urgent levels, each with its edges. Expected
/// reasons are the full list: highest level first, then in the order SPEC §3 writes the rules.
/// </summary>
public class EmergencyAndUrgentCombinationTests
{
    [Theory]
    [InlineData("both", "emergency", "possible-cauda-equina,numbness-or-weakness")]
    [InlineData("left", "urgent", "numbness-or-weakness")]
    [InlineData("right", "urgent", "numbness-or-weakness")]
    public void Assess_NumbnessOrWeaknessOnBothSides_IsPossibleCaudaEquina(string side, string level, string reasons)
    {
        var result = new Answers { Side = side, Flags = "numbness-or-weakness" }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData("cannot-bear-weight,fall-or-trauma", "emergency", "possible-fracture,cannot-bear-weight,fall-or-trauma")]
    [InlineData("cannot-bear-weight", "urgent", "cannot-bear-weight")]
    [InlineData("fall-or-trauma", "urgent", "fall-or-trauma")]
    public void Assess_CannotBearWeightAfterFall_IsPossibleFracture(string flags, string level, string reasons)
    {
        var result = new Answers { Flags = flags }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData(64, "urgent", "fall-or-trauma,age-50-plus")]
    [InlineData(65, "emergency", "older-adult-fall,fall-or-trauma,age-50-plus")]
    [InlineData(110, "emergency", "older-adult-fall,fall-or-trauma,age-50-plus")]
    public void Assess_FallAt65OrOlder_IsOlderAdultFall(int age, string level, string reasons)
    {
        var result = new Answers { Age = age, Flags = "fall-or-trauma" }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Fact]
    public void Assess_AgeOver65WithoutFall_IsNotOlderAdultFall() =>
        Assert.Equal(["age-50-plus"], new Answers { Age = 80 }.Assess().ReasonCodes());

    [Theory]
    [InlineData("fever,red-warm-skin", "possible-infection,fever,red-warm-skin")]
    [InlineData("fever,cannot-bear-weight", "possible-infection,fever,cannot-bear-weight")]
    [InlineData("fever,abdominal-pain", "possible-infection,fever,abdominal-pain")]
    [InlineData("chills,red-warm-skin", "possible-infection,chills,red-warm-skin")]
    [InlineData("chills,cannot-bear-weight", "possible-infection,chills,cannot-bear-weight")]
    [InlineData("chills,abdominal-pain", "possible-infection,chills,abdominal-pain")]
    [InlineData("red-warm-skin,fever,chills", "possible-infection,fever,chills,red-warm-skin")]
    public void Assess_FeverOrChillsWithInfectionSign_IsPossibleInfection(string flags, string reasons)
    {
        var result = new Answers { Flags = flags }.Assess();

        Assert.Equal("emergency", result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Fact]
    public void Assess_FeverWithRedWarmSkin_IsEmergency() =>
        Assert.Equal("emergency", new Answers { Flags = "fever,red-warm-skin" }.Assess().Level());

    [Theory]
    [InlineData("fever,chills", "fever,chills")]
    [InlineData("fever,feeling-sick", "fever,feeling-sick")]
    [InlineData("red-warm-skin,abdominal-pain,cannot-bear-weight", "red-warm-skin,abdominal-pain,cannot-bear-weight")]
    public void Assess_InfectionSignsWithoutFeverOrChillsPair_StayUrgent(string flags, string reasons)
    {
        var result = new Answers { Flags = flags }.Assess();

        Assert.Equal("urgent", result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData("cancer-history,night-pain", "urgent", "possible-malignancy,night-pain,cancer-history")]
    [InlineData("cancer-history,weight-loss", "urgent", "possible-malignancy,weight-loss,cancer-history")]
    [InlineData("cancer-history,night-pain,weight-loss", "urgent", "possible-malignancy,night-pain,weight-loss,cancer-history")]
    [InlineData("cancer-history", "routine", "cancer-history")]
    [InlineData("night-pain,weight-loss", "routine", "night-pain,weight-loss")]
    [InlineData("cancer-history,joint-pain,swelling-or-lump", "routine", "joint-pain,cancer-history,swelling-or-lump")]
    public void Assess_CancerHistoryWithNightPainOrWeightLoss_IsPossibleMalignancy(string flags, string level, string reasons)
    {
        var result = new Answers { Flags = flags }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
        if (level == "urgent") Assert.Null(result.StartPhase);
    }

    [Theory]
    [InlineData(17, true, "", "urgent", "adolescent-hip")]
    [InlineData(17, false, "knee", "urgent", "adolescent-hip")]
    [InlineData(10, false, "knee", "urgent", "adolescent-hip")]
    [InlineData(17, true, "knee", "urgent", "adolescent-hip")]
    [InlineData(18, true, "", "self-care", "")]
    [InlineData(18, false, "knee", "self-care", "")]
    [InlineData(17, false, "front-of-thigh", "self-care", "")]
    public void Assess_UnderEighteenWithLimpOrKneePain_IsAdolescentHip(int age, bool limp, string sites, string level, string reasons)
    {
        var result = new Answers { Age = age, Limp = limp, Sites = sites }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Fact]
    public void Assess_ManyRulesAtEveryLevel_ListsEveryReasonHighestLevelFirst()
    {
        var result = new Answers
        {
            Age = 70, Side = "both", SymptomDays = 100, PainNow = 6, PainWorst = 9, Sites = "below-knee", Worsening = true,
            Flags = "swelling-or-lump,joint-pain,hop-pain,fall-or-trauma,red-warm-skin,fever,numbness-or-weakness,saddle-numbness,bladder-or-bowel-change",
        }.Assess();

        Assert.Equal("emergency", result.Level());
        Assert.Equal(
        [
            "bladder-or-bowel-change", "saddle-numbness", "possible-cauda-equina", "older-adult-fall", "possible-infection",
            "fever", "red-warm-skin", "numbness-or-weakness", "fall-or-trauma", "hop-pain",
            "joint-pain", "swelling-or-lump", "below-knee", "worsening", "symptom-days", "pain-worst", "age-50-plus",
        ], result.ReasonCodes());
        Assert.Null(result.StartPhase);
        Assert.Empty(result.Patterns);
    }
}
