using IlioCare.Clinical.Assessment;

namespace IlioCare.Clinical.Tests.Assessment;

/// <summary>SPEC §3: "a bare flag rule uses the flag's name" — each warning sign alone, at its level.</summary>
public class BareWarningSignTests
{
    [Fact]
    public void Assess_NoRuleFires_IsSelfCareWithNoReasonsAndRestore()
    {
        var result = new Answers().Assess();

        Assert.Equal("self-care", result.Level());
        Assert.Empty(result.Reasons);
        Assert.Empty(result.Patterns);
        Assert.Equal("restore", result.Phase());
        Assert.False(string.IsNullOrWhiteSpace(result.Disclaimer));
    }

    [Theory]
    // emergency
    [InlineData("bladder-or-bowel-change", "emergency")]
    [InlineData("saddle-numbness", "emergency")]
    // urgent: "each of fever, chills, red-warm-skin, feeling-sick, abdominal-pain, numbness-or-weakness,
    // cannot-bear-weight, fall-or-trauma, hop-pain"
    [InlineData("fever", "urgent")]
    [InlineData("chills", "urgent")]
    [InlineData("red-warm-skin", "urgent")]
    [InlineData("feeling-sick", "urgent")]
    [InlineData("abdominal-pain", "urgent")]
    [InlineData("numbness-or-weakness", "urgent")]
    [InlineData("cannot-bear-weight", "urgent")]
    [InlineData("fall-or-trauma", "urgent")]
    [InlineData("hop-pain", "urgent")]
    [InlineData("scrotal-pain", "urgent")]
    // routine: "each of joint-pain, night-pain, weight-loss, cancer-history, swelling-or-lump"
    [InlineData("joint-pain", "routine")]
    [InlineData("night-pain", "routine")]
    [InlineData("weight-loss", "routine")]
    [InlineData("cancer-history", "routine")]
    [InlineData("swelling-or-lump", "routine")]
    public void Assess_BareWarningSign_ReachesItsLevelWithTheFlagAsReasonCode(string flag, string level)
    {
        var result = new Answers { Flags = flag }.Assess();

        Assert.Equal(level, result.Level());
        Assert.Equal([flag], result.ReasonCodes());
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Theory]
    [InlineData("bladder-or-bowel-change")]
    [InlineData("saddle-numbness")]
    [InlineData("fever")]
    [InlineData("hop-pain")]
    [InlineData("fall-or-trauma")]
    public void Assess_BareUrgentOrEmergencySign_HasNoStartPhaseAndNoPatterns(string flag)
    {
        var result = new Answers
        {
            Flags = flag, Sites = "groin", Aggravators = "hip-flexion", Snapping = true, Activities = "running",
        }.Assess();

        Assert.Null(result.StartPhase);
        Assert.True(result.SeeDoctorFirst);
        Assert.Empty(result.Patterns);
    }

    [Fact]
    public void WarningSign_EnumIsExactlyTheSpecFlagList_ByWireName()
    {
        string[] spec =
        [
            "fever", "chills", "red-warm-skin", "feeling-sick", "abdominal-pain", "numbness-or-weakness",
            "saddle-numbness", "bladder-or-bowel-change", "cannot-bear-weight", "fall-or-trauma", "hop-pain",
            "joint-pain", "night-pain", "weight-loss", "cancer-history", "swelling-or-lump", "scrotal-pain",
        ];

        Assert.Equal(spec.Order(), Enum.GetValues<WarningSign>().Select(Wire.Of).Order());
        Assert.All(spec, name => Wire.Parse<WarningSign>(name));
    }

    [Fact]
    public void WarningSigns_AskedAtCheckIn_AreExactlyTheSpecList()
    {
        string[] spec =
        [
            "fever", "chills", "red-warm-skin", "feeling-sick", "abdominal-pain", "numbness-or-weakness",
            "saddle-numbness", "bladder-or-bowel-change", "cannot-bear-weight", "fall-or-trauma", "scrotal-pain",
        ];

        Assert.Equal(spec.Order(), WarningSigns.AskedAtCheckIn.Select(Wire.Of).Order());
        // F3: every sign asked at check-in is one of the urgent or emergency level.
        Assert.All(WarningSigns.AskedAtCheckIn, s =>
            Assert.Contains(new Answers { Flags = Wire.Of(s) }.Assess().Level(), new[] { "urgent", "emergency" }));
    }

    [Fact]
    public void WarningSigns_EverySignHasPlainWords() =>
        Assert.All(Enum.GetValues<WarningSign>(), s => Assert.False(string.IsNullOrWhiteSpace(WarningSigns.Question(s))));
}
