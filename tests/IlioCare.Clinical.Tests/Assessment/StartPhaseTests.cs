namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>
/// SPEC §3 startPhase: null for emergency and urgent; "settle" when a routine rule fired on a flag,
/// below-knee, runner-limp or worsening, or painNow ≥ 5, or painWorst ≥ 7, or morning stiffness that does
/// not ease during the day; otherwise "restore".
/// </summary>
public class StartPhaseTests
{
    [Theory]
    [InlineData("fever")]
    [InlineData("hop-pain")]
    [InlineData("saddle-numbness")]
    [InlineData("cancer-history,night-pain")]
    public void Assess_UrgentOrEmergency_HasNullStartPhase(string flags) =>
        Assert.Null(new Answers { Flags = flags, PainNow = 0, PainWorst = 0 }.Assess().StartPhase);

    [Fact]
    public void Assess_AdolescentHip_HasNullStartPhase() =>
        Assert.Null(new Answers { Age = 15, Sites = "knee" }.Assess().StartPhase);

    [Theory]
    [InlineData("joint-pain")]
    [InlineData("night-pain")]
    [InlineData("weight-loss")]
    [InlineData("cancer-history")]
    [InlineData("swelling-or-lump")]
    public void Assess_RoutineRuleOnAFlag_StartsInSettle(string flag) =>
        Assert.Equal("settle", new Answers { Flags = flag }.Assess().Phase());

    [Fact]
    public void Assess_BelowKnee_StartsInSettle() =>
        Assert.Equal("settle", new Answers { Sites = "below-knee" }.Assess().Phase());

    [Theory]
    [InlineData("running", false)]
    [InlineData("", true)]
    public void Assess_RunnerLimp_StartsInSettle(string activities, bool loadIncrease) =>
        Assert.Equal("settle", new Answers { Limp = true, Activities = activities, RecentLoadIncrease = loadIncrease }.Assess().Phase());

    [Fact]
    public void Assess_Worsening_StartsInSettle() =>
        Assert.Equal("settle", new Answers { Worsening = true }.Assess().Phase());

    [Theory]
    [InlineData(0, 0, "restore")]
    [InlineData(4, 4, "restore")]
    [InlineData(4, 6, "restore")]
    [InlineData(5, 5, "settle")]
    [InlineData(0, 7, "settle")]
    [InlineData(6, 6, "settle")]
    [InlineData(3, 6, "restore")]
    public void Assess_PainNow5OrPainWorst7_StartsInSettle(int painNow, int painWorst, string phase)
    {
        var result = new Answers { PainNow = painNow, PainWorst = painWorst }.Assess();

        Assert.Equal("self-care", result.Level());
        Assert.Equal(phase, result.Phase());
    }

    [Fact]
    public void Assess_PainWorst8_IsRoutineAndStartsInSettleThroughPainWorst7()
    {
        var result = new Answers { PainNow = 2, PainWorst = 8 }.Assess();

        Assert.Equal("routine", result.Level());
        Assert.Equal("settle", result.Phase());
    }

    [Theory]
    [InlineData(true, false, "settle")]
    [InlineData(true, true, "restore")]
    [InlineData(false, false, "restore")]
    [InlineData(false, true, "restore")]
    public void Assess_MorningStiffnessThatDoesNotEase_StartsInSettle(bool stiffness, bool eases, string phase) =>
        Assert.Equal(phase, new Answers { MorningStiffness = stiffness, StiffnessEases = eases }.Assess().Phase());

    [Theory]
    [InlineData(42, 30)]
    [InlineData(7, 50)]
    [InlineData(3650, 110)]
    public void Assess_SymptomDaysOrAge50PlusAlone_IsRoutineButStartsInRestore(int days, int age)
    {
        var result = new Answers { SymptomDays = days, Age = age }.Assess();

        Assert.Equal("routine", result.Level());
        Assert.Equal("restore", result.Phase());
    }

    [Fact]
    public void Assess_SelfCareWithPatterns_StartsInRestore()
    {
        var result = new Answers { Sites = "groin", Aggravators = "stairs", Activities = "cycling", Snapping = true }.Assess();

        Assert.Equal("self-care", result.Level());
        Assert.Equal("restore", result.Phase());
    }
}
