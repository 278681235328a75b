using System.Text.RegularExpressions;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Tests.Caseload;

/// <summary>Issue 15: every alert kind reads as plain words on the caseload, never as a raw code.</summary>
public partial class AlertWordsTests
{
    private static readonly DateOnly Today = CaseloadAlertTests.Today;

    /// <summary>One patient per kind, each with just that alert: the exact words the clinician reads.</summary>
    public static TheoryData<AlertKind, PatientFacts, string> EveryKind => new()
    {
        { AlertKind.WarningSign, CaseloadAlertTests.Facts(CaseloadAlertTests.C(0, 1, false, WarningSign.RedWarmSkin, WarningSign.Fever)) with { ProgramStart = Today },
            "Fever and red, warm skin reported on 24 Nov" },
        { AlertKind.SeverePain, CaseloadAlertTests.Facts(CaseloadAlertTests.C(0, 8)) with { ProgramStart = Today }, "Pain 8 out of 10 on 24 Nov" },
        { AlertKind.Flare, CaseloadAlertTests.Facts(CaseloadAlertTests.C(1, 1, true) with { StopsForPain = 2 }, CaseloadAlertTests.C(0, 1)) with { ProgramStart = Today },
            "Flare on 23 Nov: a second exercise stopped for pain within 7 days" },
        { AlertKind.Stop, CaseloadAlertTests.Facts(CaseloadAlertTests.C(0)) with { ProgramStart = Today, Stops = [new StopFact(3, Today, ExerciseId.SideKick)] },
            "Stopped side kick: pain went up (24 Nov)" },
        { AlertKind.MissedCheckIn, CaseloadAlertTests.Facts(CaseloadAlertTests.C(4)), "No check-in since 20 Nov" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Alert_EachKind_InPlainWords(AlertKind kind, PatientFacts facts, string words)
    {
        var alert = Assert.Single(CaseloadAlerts.Compute(facts));

        Assert.Equal(kind, alert.Kind);
        Assert.Equal(words, alert.Reason);
    }

    [Fact]
    public void EveryKind_IsCoveredAbove()
    {
        Assert.Equal(Enum.GetValues<AlertKind>().Order(), EveryKind.Select(row => (AlertKind)row[0]).Order());
    }

    [Fact]
    public void Title_EveryKind_HasWordsWithoutCodes()
    {
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            Assert.False(string.IsNullOrWhiteSpace(AlertWords.Title(kind)));
            Assert.NotEqual(WireName.Of(kind), AlertWords.Title(kind)); // "severe-pain" is a code; "Pain 7 or more" are words
        }
    }

    [Fact]
    public void Sign_EverySign_HasWordsWithoutHyphenatedCodes()
    {
        foreach (var sign in Enum.GetValues<WarningSign>())
        {
            var words = AlertWords.Signs([sign]);
            Assert.False(Code().IsMatch(words), $"{sign}: {words}");
            Assert.DoesNotContain(WireName.Of(sign), words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Exercise_EveryExercise_IsItsCatalogueNameInASentence()
    {
        foreach (var id in Enum.GetValues<ExerciseId>())
        {
            var words = AlertWords.Exercise(id);
            // The catalogue's name in a sentence ("Side kick" → "side kick"), never the wire code "side-kick".
            Assert.Equal(ExerciseCatalogue.Get(id).Name, words, ignoreCase: true);
        }
    }

    [Theory]
    [InlineData(new[] { WarningSign.Fever }, "Fever")]
    [InlineData(new[] { WarningSign.RedWarmSkin, WarningSign.Fever }, "Fever and red, warm skin")]
    [InlineData(new[] { WarningSign.Chills, WarningSign.Fever, WarningSign.CannotBearWeight }, "Fever, chills and cannot bear weight on the leg")]
    public void Signs_Joined_InSpecOrder(WarningSign[] signs, string words)
    {
        Assert.Equal(words, AlertWords.Signs(signs));
    }

    /// <summary>A wire code: lower-case words joined by hyphens ("red-warm-skin", "side-kick").</summary>
    [GeneratedRegex("[a-z]+-[a-z]+")]
    private static partial Regex Code();
}
