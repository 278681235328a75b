namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>SPEC §3 patterns: iliopsoas-related, snapping-hip, overuse; always empty for urgent and emergency.</summary>
public class PatternTests
{
    [Theory]
    [InlineData("front-of-hip", "hip-flexion")]
    [InlineData("front-of-hip", "knee-to-chest")]
    [InlineData("front-of-hip", "stairs")]
    [InlineData("front-of-hip", "rising-from-sitting")]
    [InlineData("groin", "hip-flexion")]
    [InlineData("groin", "knee-to-chest")]
    [InlineData("groin", "stairs")]
    [InlineData("groin", "rising-from-sitting")]
    [InlineData("outer-hip,groin", "lying-down,stairs")]
    public void Assess_FrontOfHipOrGroinWithHipFlexorAggravator_IsIliopsoasRelated(string sites, string aggravators) =>
        Assert.Equal(["iliopsoas-related"], new Answers { Sites = sites, Aggravators = aggravators }.Assess().PatternCodes());

    [Theory]
    [InlineData("front-of-hip", "")]
    [InlineData("", "hip-flexion")]
    [InlineData("outer-hip,front-of-thigh,knee,buttock,lower-back", "hip-flexion,knee-to-chest,stairs,rising-from-sitting")]
    [InlineData("front-of-hip,groin", "running,kicking,leg-extension-driving,lying-down")]
    public void Assess_SiteOrAggravatorMissing_IsNotIliopsoasRelated(string sites, string aggravators) =>
        Assert.Empty(new Answers { Sites = sites, Aggravators = aggravators }.Assess().Patterns);

    [Theory]
    [InlineData(true, "snapping-hip")]
    [InlineData(false, "")]
    public void Assess_Snapping_IsSnappingHip(bool snapping, string patterns) =>
        Assert.Equal(Wire.List(patterns), new Answers { Snapping = snapping }.Assess().PatternCodes());

    [Theory]
    [InlineData("running", false, "overuse")]
    [InlineData("rowing", false, "overuse")]
    [InlineData("cycling", false, "overuse")]
    [InlineData("strength-training", false, "overuse")]
    [InlineData("", true, "overuse")]
    [InlineData("kicking-sports", false, "")]
    [InlineData("dance", false, "")]
    [InlineData("other", false, "")]
    [InlineData("kicking-sports,dance,other", false, "")]
    [InlineData("rowing,cycling", true, "overuse")]
    public void Assess_EnduranceSportOrLoadIncrease_IsOveruse(string activities, bool loadIncrease, string patterns) =>
        Assert.Equal(Wire.List(patterns), new Answers { Activities = activities, RecentLoadIncrease = loadIncrease }.Assess().PatternCodes());

    [Fact]
    public void Assess_EveryPattern_ListedInSpecOrder() =>
        Assert.Equal(["iliopsoas-related", "snapping-hip", "overuse"],
            new Answers { Sites = "groin", Aggravators = "hip-flexion", Snapping = true, Activities = "running" }.Assess().PatternCodes());

    [Fact]
    public void Assess_RoutineLevel_StillNamesPatterns()
    {
        var result = new Answers { Age = 60, Sites = "front-of-hip", Aggravators = "stairs", Snapping = true }.Assess();

        Assert.Equal("routine", result.Level());
        Assert.Equal(["iliopsoas-related", "snapping-hip"], result.PatternCodes());
    }

    [Theory]
    [InlineData(30, "fever")]
    [InlineData(30, "bladder-or-bowel-change")]
    [InlineData(15, "")]
    public void Assess_UrgentOrEmergency_HasNoPatterns(int age, string flags)
    {
        var result = new Answers
        {
            Age = age, Flags = flags, Limp = true, Sites = "groin", Aggravators = "hip-flexion", Snapping = true,
            Activities = "running", RecentLoadIncrease = true,
        }.Assess();

        Assert.Contains(result.Level(), new[] { "urgent", "emergency" });
        Assert.Empty(result.Patterns);
    }
}
