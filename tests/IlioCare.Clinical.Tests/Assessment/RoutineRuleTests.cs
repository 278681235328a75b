namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>The named routine rules of SPEC §3, each at its edge.</summary>
public class RoutineRuleTests
{
    [Theory]
    [InlineData("below-knee", "routine", "below-knee")]
    [InlineData("knee", "self-care", "")]
    [InlineData("front-of-hip,groin,outer-hip,front-of-thigh,buttock,lower-back", "self-care", "")]
    [InlineData("groin,below-knee", "routine", "below-knee")]
    public void Assess_PainBelowKnee_IsRoutine(string sites, string level, string reasons)
    {
        var result = new Answers { Sites = sites }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData(true, "running", false, "routine", "runner-limp")]
    [InlineData(true, "", true, "routine", "runner-limp")]
    [InlineData(true, "running,cycling", true, "routine", "runner-limp")]
    [InlineData(true, "", false, "self-care", "")]
    [InlineData(true, "cycling,rowing,strength-training,kicking-sports,dance,other", false, "self-care", "")]
    [InlineData(false, "running", true, "self-care", "")]
    public void Assess_LimpWithRunningOrLoadIncrease_IsRunnerLimp(bool limp, string activities, bool loadIncrease, string level, string reasons)
    {
        var result = new Answers { Limp = limp, Activities = activities, RecentLoadIncrease = loadIncrease }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Fact]
    public void Assess_LimpWithRunningAsAggravatorOnly_IsNotRunnerLimp() =>
        Assert.Empty(new Answers { Limp = true, Aggravators = "running" }.Assess().Reasons);

    [Theory]
    [InlineData(true, "routine", "worsening")]
    [InlineData(false, "self-care", "")]
    public void Assess_WorseningDespiteRest_IsRoutine(bool worsening, string level, string reasons)
    {
        var result = new Answers { Worsening = worsening }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData(0, "self-care", "")]
    [InlineData(41, "self-care", "")]
    [InlineData(42, "routine", "symptom-days")]
    [InlineData(3650, "routine", "symptom-days")]
    public void Assess_SymptomDays42OrMore_IsRoutine(int days, string level, string reasons)
    {
        var result = new Answers { SymptomDays = days }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData(7, "self-care", "")]
    [InlineData(8, "routine", "pain-worst")]
    [InlineData(10, "routine", "pain-worst")]
    public void Assess_PainWorst8OrMore_IsRoutine(int painWorst, string level, string reasons)
    {
        var result = new Answers { PainWorst = painWorst }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Theory]
    [InlineData(10, "self-care", "")]
    [InlineData(49, "self-care", "")]
    [InlineData(50, "routine", "age-50-plus")]
    [InlineData(64, "routine", "age-50-plus")]
    public void Assess_Age50OrOlder_IsRoutine(int age, string level, string reasons)
    {
        var result = new Answers { Age = age }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal(Wire.List(reasons), result.ReasonCodes());
    }

    [Fact]
    public void Assess_EveryRoutineRule_ListedInSpecOrder()
    {
        var result = new Answers
        {
            Age = 55, SymptomDays = 60, PainNow = 8, PainWorst = 9, Sites = "below-knee", Limp = true, Activities = "running",
            Worsening = true, Flags = "swelling-or-lump,cancer-history,joint-pain",
        }.Assess();

        Assert.Equal("routine", result.Level());
        Assert.Equal(
            ["joint-pain", "cancer-history", "swelling-or-lump", "below-knee", "runner-limp", "worsening", "symptom-days", "pain-worst", "age-50-plus"],
            result.ReasonCodes());
    }
}
