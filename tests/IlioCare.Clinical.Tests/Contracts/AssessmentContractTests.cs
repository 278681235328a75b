using IlioCare.Clinical.Assessment;
using static IlioCare.Clinical.Tests.Contracts.ContractAssert;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>SPEC §2 rejections applied to the §3 assessment input, every bad field named with its path.</summary>
public class AssessmentContractTests
{
    private static readonly JsonText Valid = new(
        ("age", "30"), ("side", "\"left\""), ("symptomDays", "7"), ("painNow", "2"), ("painWorst", "3"), ("flags", "[]"));

    private static Clinical.Contracts.ContractResult<AssessmentInput> Read(string json) => AssessmentContract.Read(json);

    [Fact]
    public void Read_RequiredFieldsOnly_IsValidWithDefaults()
    {
        var input = Accepted(Read(Valid));

        Assert.Equal((30, Side.Left, 7, 2, 3), (input.Age, input.Side, input.SymptomDays, input.PainNow, input.PainWorst));
        Assert.Empty(input.Flags);
        Assert.Null(input.Sex);
        Assert.Empty(input.PainSites);
        Assert.Empty(input.Aggravators);
        Assert.Empty(input.Activities);
        Assert.False(input.MorningStiffness || input.StiffnessEasesDuringDay || input.Limp || input.Snapping || input.Worsening || input.RecentLoadIncrease);
        Assert.False(input.PregnantOrPostpartum || input.BloodThinners);
    }

    [Fact]
    public void Read_EveryOptionalField_IsRead()
    {
        var input = Accepted(Read(Valid.With("flags", "[\"fever\",\"hop-pain\"]").With("sex", "\"other\"")
            .With("painSites", "[\"groin\",\"below-knee\"]").With("aggravators", "[\"stairs\"]").With("activities", "[\"rowing\",\"dance\"]")
            .With("morningStiffness", "true").With("stiffnessEasesDuringDay", "true").With("limp", "true")
            .With("snapping", "true").With("worsening", "true").With("recentLoadIncrease", "true")
            .With("pregnantOrPostpartum", "true").With("bloodThinners", "true")));

        Assert.Equal(Wire.Set<WarningSign>("fever,hop-pain"), input.Flags);
        Assert.Equal(Sex.Other, input.Sex);
        Assert.Equal(Wire.Set<PainSite>("groin,below-knee"), input.PainSites);
        Assert.Equal(Wire.Set<Activity>("rowing,dance"), input.Activities);
        Assert.True(input.MorningStiffness && input.StiffnessEasesDuringDay && input.Limp && input.Snapping && input.Worsening && input.RecentLoadIncrease);
        Assert.True(input.PregnantOrPostpartum && input.BloodThinners);
    }

    [Theory]
    [InlineData("pregnantOrPostpartum", "false", false, false)]
    [InlineData("bloodThinners", "false", false, false)]
    [InlineData("pregnantOrPostpartum", "true", true, false)]
    [InlineData("bloodThinners", "true", false, true)]
    public void Read_RiskFactors_AreReadAsGiven(string field, string raw, bool pregnant, bool bloodThinners)
    {
        var input = Accepted(Read(Valid.With(field, raw)));

        Assert.Equal(pregnant, input.PregnantOrPostpartum);
        Assert.Equal(bloodThinners, input.BloodThinners);
    }

    [Fact]
    public void Read_ScrotalPainFlag_IsAccepted() =>
        Assert.Equal(Wire.Set<WarningSign>("scrotal-pain"), Accepted(Read(Valid.With("flags", "[\"scrotal-pain\"]"))).Flags);

    [Theory]
    [InlineData("age", "10")]
    [InlineData("age", "110")]
    [InlineData("symptomDays", "0")]
    [InlineData("symptomDays", "3650")]
    [InlineData("painWorst", "10")]
    [InlineData("painWorst", "2")]
    public void Read_BoundaryValues_AreAccepted(string field, string raw) => Accepted(Read(Valid.With(field, raw)));

    [Theory]
    [InlineData("age")]
    [InlineData("side")]
    [InlineData("symptomDays")]
    [InlineData("painNow")]
    [InlineData("painWorst")]
    [InlineData("flags")]
    public void Read_EachRequiredFieldMissing_IsNamed(string field) => Rejected(Read(Valid.Without(field)), field);

    [Fact]
    public void Read_EmptyObject_NamesEveryRequiredField() =>
        Rejected(Read("{}"), "age", "side", "symptomDays", "painNow", "painWorst", "flags");

    [Theory]
    [InlineData("age", "\"30\"")]
    [InlineData("age", "30.0")]
    [InlineData("age", "3e1")]
    [InlineData("age", "3E1")]
    [InlineData("age", "30.5")]
    [InlineData("age", "true")]
    [InlineData("age", "[30]")]
    [InlineData("age", "null")]
    [InlineData("painNow", "2.0")]
    [InlineData("painNow", "\"2\"")]
    [InlineData("symptomDays", "7e0")]
    [InlineData("painWorst", "3.00")]
    [InlineData("side", "null")]
    [InlineData("side", "1")]
    [InlineData("flags", "null")]
    [InlineData("flags", "\"fever\"")]
    [InlineData("flags", "{}")]
    public void Read_WrongTypeOrNull_IsNamed(string field, string raw) => Rejected(Read(Valid.With(field, raw)), field);

    [Theory]
    [InlineData("sex")]
    [InlineData("painSites")]
    [InlineData("aggravators")]
    [InlineData("activities")]
    [InlineData("morningStiffness")]
    [InlineData("stiffnessEasesDuringDay")]
    [InlineData("limp")]
    [InlineData("snapping")]
    [InlineData("worsening")]
    [InlineData("recentLoadIncrease")]
    [InlineData("pregnantOrPostpartum")]
    [InlineData("bloodThinners")]
    public void Read_OptionalFieldGivenNull_IsRejected(string field) => Rejected(Read(Valid.With(field, "null")), field);

    [Theory]
    [InlineData("limp", "\"true\"")]
    [InlineData("limp", "1")]
    [InlineData("painSites", "\"groin\"")]
    [InlineData("sex", "[\"female\"]")]
    [InlineData("pregnantOrPostpartum", "\"true\"")]
    [InlineData("pregnantOrPostpartum", "1")]
    [InlineData("pregnantOrPostpartum", "[true]")]
    [InlineData("bloodThinners", "\"yes\"")]
    [InlineData("bloodThinners", "0")]
    [InlineData("bloodThinners", "{}")]
    public void Read_OptionalFieldOfWrongType_IsRejected(string field, string raw) => Rejected(Read(Valid.With(field, raw)), field);

    [Theory]
    [InlineData("age", "9")]
    [InlineData("age", "111")]
    [InlineData("age", "-30")]
    [InlineData("age", "99999999999999999999")]
    [InlineData("symptomDays", "-1")]
    [InlineData("symptomDays", "3651")]
    [InlineData("painNow", "-1")]
    [InlineData("painWorst", "11")]
    public void Read_OutOfRange_IsNamed(string field, string raw) => Rejected(Read(Valid.With(field, raw)), field);

    [Fact]
    public void Read_PainNowAboveTen_IsNamed() => Rejected(Read(Valid.With("painNow", "11").With("painWorst", "10")), "painNow");

    [Theory]
    [InlineData(3, 2)]
    [InlineData(10, 0)]
    public void Read_PainWorstBelowPainNow_IsRejectedAtPainWorst(int now, int worst) =>
        Rejected(Read(Valid.With("painNow", $"{now}").With("painWorst", $"{worst}")), "painWorst");

    [Theory]
    [InlineData("side", "\"Left\"", "side")]
    [InlineData("side", "\"LEFT\"", "side")]
    [InlineData("side", "\" left\"", "side")]
    [InlineData("side", "\"both-sides\"", "side")]
    [InlineData("sex", "\"Female\"", "sex")]
    [InlineData("flags", "[\"Fever\"]", "flags[0]")]
    [InlineData("flags", "[\"fever\",\"red_warm_skin\"]", "flags[1]")]
    [InlineData("flags", "[\"headache\"]", "flags[0]")]
    [InlineData("flags", "[1]", "flags[0]")]
    [InlineData("flags", "[\"Scrotal-pain\"]", "flags[0]")]
    [InlineData("flags", "[\"scrotal_pain\"]", "flags[0]")]
    [InlineData("painSites", "[\"frontOfHip\"]", "painSites[0]")]
    [InlineData("aggravators", "[\"Stairs\"]", "aggravators[0]")]
    [InlineData("activities", "[\"running\",\"Running\"]", "activities[1]")]
    public void Read_EnumNotSpelledExactly_IsNamedWithItsPath(string field, string raw, string path) =>
        Rejected(Read(Valid.With(field, raw)), path);

    [Theory]
    [InlineData("flags", "[\"fever\",\"chills\",\"fever\"]", "flags[2]")]
    [InlineData("flags", "[\"scrotal-pain\",\"scrotal-pain\"]", "flags[1]")]
    [InlineData("painSites", "[\"groin\",\"groin\"]", "painSites[1]")]
    [InlineData("aggravators", "[\"stairs\",\"running\",\"stairs\"]", "aggravators[2]")]
    [InlineData("activities", "[\"dance\",\"dance\"]", "activities[1]")]
    public void Read_RepeatedListMember_IsNamedWithItsPath(string field, string raw, string path) =>
        Rejected(Read(Valid.With(field, raw)), path);

    [Theory]
    [InlineData("age", "30")]
    [InlineData("age", "31")]
    [InlineData("flags", "[]")]
    [InlineData("limp", "true")]
    [InlineData("bloodThinners", "true")]
    [InlineData("pregnantOrPostpartum", "true")]
    public void Read_DuplicateKey_IsNamed(string field, string raw)
    {
        var json = field is "limp" or "bloodThinners" or "pregnantOrPostpartum" ? Valid.With(field, "false").Plus(field, raw) : Valid.Plus(field, raw);
        Rejected(Read(json), field);
    }

    [Theory]
    [InlineData("extra")]
    [InlineData("Age")]
    [InlineData("pain_now")]
    [InlineData("pregnant")]
    [InlineData("PregnantOrPostpartum")]
    [InlineData("bloodthinners")]
    [InlineData("startPhase")]
    public void Read_UnknownField_IsNamed(string field) => Rejected(Read(Valid.With(field, "1")), field);

    [Fact]
    public void Read_ManyBadFields_AreAllNamedTogether()
    {
        var json = new JsonText(("age", "\"30\""), ("side", "\"Left\""), ("painNow", "11"), ("painWorst", "3"),
            ("flags", "[\"fever\",\"fever\"]"), ("sex", "null"), ("painSites", "[\"Groin\"]"), ("limp", "1"), ("extra", "{}"));

        Rejected(Read(json), "age", "side", "symptomDays", "painNow", "flags[1]", "sex", "painSites[0]", "limp", "extra");
    }

    [Fact]
    public void Read_PainWorstBelowPainNowAmongOtherErrors_IsAlsoNamed() =>
        Rejected(Read(Valid.With("age", "9").With("painNow", "5").With("painWorst", "4").With("side", "\"Both\"")), "age", "side", "painWorst");
}
