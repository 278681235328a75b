using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using IlioCare.Clinical.Assessment;
using IlioCare.Web.Components.Widgets;
using IlioCare.Web.Features.Words;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: every clinical code a patient can read has patient words in English and in Spanish (PatientWords), the
/// API's <c>text</c> follows Accept-Language while its codes do not, and an error summary never shows a field's key.
/// </summary>
public sealed class PatientWordsTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static readonly ResourceManager Resources =
        new("IlioCare.Web.Resources.Features.Words.PatientWords", typeof(PatientWords).Assembly);

    /// <summary>The codes IlioCare.Clinical gives a patient to read: every triage reason (bare signs, combinations, retired ones) and pattern.</summary>
    public static TheoryData<string> PatientCodes()
    {
        var codes = new TheoryData<string>();
        foreach (var code in TriageReasons.Codes.Concat(PatternCodes.All).Distinct().Order(StringComparer.Ordinal)) codes.Add(code);
        return codes;
    }

    [Fact]
    public void TheCodesListed_CoverEveryWarningSign()
    {
        var codes = TriageReasons.Codes.ToHashSet(StringComparer.Ordinal);
        Assert.All(Enum.GetValues<WarningSign>(), s => Assert.Contains(Clinical.Contracts.WireName.Of(s), codes));
        Assert.Contains("possible-torsion", codes);
        Assert.Contains("child-fever-limp", codes); // retired, still on stored results
    }

    [Theory]
    [MemberData(nameof(PatientCodes))]
    public void EveryPatientCode_HasEnglishAndSpanishWords(string code)
    {
        var english = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)?.GetString(code);
        var spanish = Resources.GetResourceSet(CultureInfo.GetCultureInfo("es"), createIfNotExists: true, tryParents: false)?.GetString(code);
        Assert.False(string.IsNullOrWhiteSpace(english), $"{code}: no English patient words in PatientWords.resx");
        Assert.False(string.IsNullOrWhiteSpace(spanish), $"{code}: no Spanish patient words in PatientWords.es.resx");
        Assert.NotEqual(english, spanish);
        foreach (var text in new[] { english!, spanish! })
        {
            Assert.DoesNotContain("SPEC", text, StringComparison.Ordinal);
            Assert.DoesNotContain("§", text, StringComparison.Ordinal);
            // A code is not its own words ("iliopsoas-related pain" is English, so that one may).
            if (code.Contains('-', StringComparison.Ordinal) && code != "iliopsoas-related") Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Words_FollowTheCurrentCulture_AndFallBackToTheClinicalText()
    {
        var words = factory.Services.GetRequiredService<PatientWords>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.StartsWith("Nos has dicho: fiebre", words.Of(new("fever", "You reported: a fever.")), StringComparison.Ordinal);
            Assert.Equal("clinical text", words.Of(new("no-such-code", "clinical text")));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.StartsWith("You reported: a fever", words.Of(new("fever", "x")), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private const string Infection = """
        {"age":40,"side":"left","symptomDays":3,"painNow":4,"painWorst":6,"painSites":["front-of-hip"],
         "aggravators":["hip-flexion"],"activities":["running"],"flags":["fever","red-warm-skin"]}
        """;

    private async Task<JsonElement> AssessAsync(string? language)
    {
        var client = factory.CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsync("/api/v1/assessments", ApiClients.Json(Infection));
        return await ApiClients.JsonAsync(response);
    }

    [Fact]
    public async Task AssessmentApi_TextFollowsAcceptLanguage_CodesDoNot()
    {
        var english = await AssessAsync(null);
        var spanish = await AssessAsync("es-ES,es;q=0.9");
        string[] Codes(JsonElement e, string list) => [.. e.GetProperty(list).EnumerateArray().Select(f => f.GetProperty("code").GetString()!)];
        string Text(JsonElement e, string code) =>
            e.GetProperty("reasons").EnumerateArray().Concat(e.GetProperty("patterns").EnumerateArray())
                .Single(f => f.GetProperty("code").GetString() == code).GetProperty("text").GetString()!;

        Assert.Equal(Codes(english, "reasons"), Codes(spanish, "reasons"));
        Assert.Equal(Codes(english, "patterns"), Codes(spanish, "patterns"));
        Assert.Equal(english.GetProperty("triage").GetString(), spanish.GetProperty("triage").GetString());
        Assert.Contains("possible-infection", Codes(english, "reasons"));
        // No header: the contract's English, exactly the clinical text (the CLI's words).
        var clinical = Assessor.Assess(new AssessmentInput(40, Side.Left, 3, 4, 6, [WarningSign.Fever, WarningSign.RedWarmSkin]));
        Assert.Equal(clinical.Reasons.Single(r => r.Code == "possible-infection").Text, Text(english, "possible-infection"));
        Assert.StartsWith("Fiebre o escalofríos junto con piel roja y caliente", Text(spanish, "possible-infection"), StringComparison.Ordinal);
        Assert.All(Codes(english, "reasons"), code => Assert.NotEqual(Text(english, code), Text(spanish, code)));
        Assert.All(Codes(english, "patterns"), code => Assert.NotEqual(Text(english, code), Text(spanish, code)));
    }

    [Fact]
    public async Task ApiProblemTexts_NameNoSpecSection()
    {
        var client = factory.CreateClient();
        var wrongType = await client.PostAsync("/api/v1/assessments", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));
        var bad = await client.PostAsync("/api/v1/assessments", ApiClients.Json("""{"age":"old"}"""));
        foreach (var response in new[] { wrongType, bad })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, body);
            Assert.DoesNotContain("SPEC", body, StringComparison.Ordinal);
            Assert.DoesNotContain("§", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorSummary_NamesTheFieldByItsLabel_OrGivesTheMessageAlone_NeverTheKey()
    {
        var errors = new FormErrors(new Dictionary<string, string> { ["name"] = "Name" });
        Assert.Equal("Name: must not be empty", errors.SummaryText("name", "must not be empty"));
        Assert.Equal("Weekly minutes of sport", errors.Label("preInjuryWeeklyMinutes", "Weekly minutes of sport"));
        Assert.Equal("Weekly minutes of sport: enter a number", errors.SummaryText("preInjuryWeeklyMinutes", "enter a number"));
        // No label known: the message alone, capitalised as a sentence; never "massage-pregnancy: …".
        Assert.Equal("Answer yes or no.", errors.SummaryText("massage-pregnancy", "Answer yes or no."));
        Assert.Equal("Choose one of your exercises", errors.SummaryText("library", "choose one of your exercises"));
    }
}
