using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IlioCare.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>SPEC §3 revision 3 on the assessment API, form and result page; F18's under-16 and under-10 rules.</summary>
public sealed class Revision3AssessmentTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Base = "\"age\":34,\"side\":\"left\",\"symptomDays\":10,\"painNow\":3,\"painWorst\":5";

    [Theory]
    [InlineData("\"pregnantOrPostpartum\":\"yes\"", "pregnantOrPostpartum")]
    [InlineData("\"pregnantOrPostpartum\":null", "pregnantOrPostpartum")]
    [InlineData("\"bloodThinners\":1", "bloodThinners")]
    [InlineData("\"bloodThinners\":null", "bloodThinners")]
    [InlineData("\"flags\":[\"scrotal-pain\",\"scrotal-pain\"]", "flags[1]")]
    [InlineData("\"flags\":[\"Scrotal-pain\"]", "flags[0]")]
    public async Task Api_NewFields_BadValue_Is400NamingTheField(string member, string field)
    {
        var flags = member.StartsWith("\"flags\"", StringComparison.Ordinal) ? "" : ",\"flags\":[]";
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments", Json($"{{{Base}{flags},{member}}}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("\"symptomDays\":1,\"flags\":[\"scrotal-pain\"]", "emergency", "possible-torsion,scrotal-pain")]
    [InlineData("\"symptomDays\":10,\"flags\":[\"numbness-or-weakness\"],\"bloodThinners\":true", "emergency", "possible-bleed,numbness-or-weakness,blood-thinners")]
    [InlineData("\"symptomDays\":10,\"flags\":[],\"pregnantOrPostpartum\":true,\"painSites\":[\"below-knee\"]", "urgent", "possible-clot,below-knee,pregnancy")]
    [InlineData("\"symptomDays\":10,\"flags\":[],\"pregnantOrPostpartum\":false,\"bloodThinners\":false", "self-care", "")]
    public async Task Api_NewFields_AreJudged(string members, string triage, string reasons)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments",
            Json($$"""{"age":34,"side":"left","painNow":3,"painWorst":5,{{members}}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(triage, root.GetProperty("triage").GetString());
        Assert.Equal(reasons, string.Join(',', root.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())));
    }

    [Theory]
    [InlineData("male", true, null)]      // hidden for male: an answer posted anyway is dropped
    [InlineData("female", true, true)]
    [InlineData("other", false, false)]
    [InlineData(null, true, true)]        // sex not given: asked
    public void Form_Pregnancy_SentUnlessMale_BloodThinnersAlwaysExplicit(string? sex, bool pregnant, bool? sent)
    {
        var json = new AssessmentForm { Sex = sex, PregnantOrPostpartum = pregnant }.ToContractJson();
        Assert.Equal(sent, json["pregnantOrPostpartum"]?.GetValue<bool>());
        Assert.False(json["bloodThinners"]!.GetValue<bool>()); // "asked, no" is kept apart from "never asked"
    }

    [Fact]
    public async Task Page_AsksTheNewQuestions_WithTheClassesCssHidesBySex()
    {
        var html = WebUtility.HtmlDecode(await (await factory.CreateClient().GetAsync("/assessment")).Content.ReadAsStringAsync());
        Assert.Contains("class=\"pregnancy\"", html, StringComparison.Ordinal);
        Assert.Contains("I am pregnant, or I gave birth in the last 6 weeks", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.BloodThinners\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"choice sign-scrotal-pain\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"scrotal-pain\"", html, StringComparison.Ordinal);
        var css = await (await factory.CreateClient().GetAsync("/site.css")).Content.ReadAsStringAsync();
        Assert.Contains("section:has(#sex-male:checked) .pregnancy { display: none; }", css, StringComparison.Ordinal);
        Assert.Contains("form:has(#sex-female:checked) .sign-scrotal-pain:not(:has(input:checked)) { display: none; }", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_MaleWithPregnancyPosted_IsStoredAndJudgedWithoutIt()
    {
        var client = new FormClient(factory);
        var result = await Patients.TakeAssessmentAsync(client, Patients.OveruseAnswers(
            F("Form.Sex", "male"), F("Form.PregnantOrPostpartum", "true"), F("Form.BloodThinners", "true")));
        var stored = await StoredInputAsync(result);
        Assert.False(stored.ContainsKey("pregnantOrPostpartum"));
        Assert.True(stored["bloodThinners"]!.GetValue<bool>());
        var html = await (await client.GetAsync(result)).Content.ReadAsStringAsync();
        Assert.Contains("You take a blood-thinning medicine", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You are pregnant", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_GroupsReasonsByLevel_ARoutineReasonNeverUnderTheEmergencyHeading()
    {
        var client = new FormClient(factory);
        var answers = Patients.OveruseAnswers().Where(f => f.Key is not ("Form.NoWarningSigns" or "Form.PainWorst"))
            .Concat([F("Form.PainWorst", "8"), F("Form.Flags", "saddle-numbness"), F("Form.Flags", "fever")]).ToArray();
        var html = WebUtility.HtmlDecode(await (await client.GetAsync(await Patients.TakeAssessmentAsync(client, answers))).Content.ReadAsStringAsync());

        var now = html.IndexOf("Why we say go now", StringComparison.Ordinal);
        var also = html.IndexOf("Also tell the doctor about", StringComparison.Ordinal);
        Assert.True(now > 0 && also > now, "both headings, emergency first");
        var saddle = html.IndexOf("where you would sit on a bike saddle. This can mean the nerves at the base of the spine", StringComparison.Ordinal);
        Assert.InRange(saddle, now, also); // saddle numbness, explained, under "go now"
        Assert.True(html.IndexOf("Pain reaching 8 out of 10", StringComparison.Ordinal) > also, "the routine reason is under 'Also'");
        Assert.True(html.IndexOf("You reported: a fever", StringComparison.Ordinal) > also, "the urgent reason is under 'Also'");
    }

    [Theory]
    [InlineData("14", "")]                              // no flags: self-care, yet no program
    [InlineData("15", "bladder-or-bowel-change")]       // emergency: the notice too
    public async Task Result_UnderSixteen_TellsThemToInvolveAParentAndADoctor_WithoutAProgram(string age, string flag)
    {
        var client = new FormClient(factory);
        var answers = Patients.OveruseAnswers().Where(f => f.Key != "Form.Age" && (flag == "" || f.Key != "Form.NoWarningSigns"))
            .Append(F("Form.Age", age)).Concat(flag == "" ? [] : [F("Form.Flags", flag)]).ToArray();
        var html = WebUtility.HtmlDecode(await (await client.GetAsync(await Patients.TakeAssessmentAsync(client, answers))).Content.ReadAsStringAsync());

        var heading = html.IndexOf("id=\"triage-title\"", StringComparison.Ordinal);
        var notice = html.IndexOf("You are under 16.", StringComparison.Ordinal);
        Assert.True(heading > 0 && notice > heading, "the notice follows the level heading");
        Assert.Contains("Show this result to a parent or carer now, and see a doctor together", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<p", heading, StringComparison.Ordinal) == html.IndexOf("<p class=\"young-notice\"", heading, StringComparison.Ordinal),
            "the first thing under the heading");
        Assert.DoesNotContain("Start the program", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/sign-up?assessment=", html, StringComparison.Ordinal); // the layout's own "Sign up" link stays
    }

    [Fact]
    public async Task Result_Sixteen_IsOfferedTheProgram_WithoutTheNotice()
    {
        var client = new FormClient(factory);
        var answers = Patients.OveruseAnswers().Where(f => f.Key != "Form.Age").Append(F("Form.Age", "16")).ToArray();
        var html = await (await client.GetAsync(await Patients.TakeAssessmentAsync(client, answers))).Content.ReadAsStringAsync();
        Assert.Contains("Start the program", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You are under 16.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    public async Task Page_UnderTen_TellsAParentToSeeADoctor_AndStoresNothing(string age)
    {
        var before = await factory.InDatabaseAsync(db => db.Assessments.CountAsync());
        var response = await new FormClient(factory).PostFormAsync("/assessment", "assessment",
            Patients.OveruseAnswers().Where(f => f.Key != "Form.Age").Append(F("Form.Age", age)).ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("A child under 10 with hip pain or a limp should see a doctor today.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:112\"", html, StringComparison.Ordinal);
        Assert.Contains("cannot stand or walk", html, StringComparison.Ordinal);
        Assert.DoesNotContain("from 10 to 110", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.InDatabaseAsync(db => db.Assessments.CountAsync()));
    }

    [Fact]
    public async Task Api_UnderTen_Stays400()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments",
            Json("""{"age":7,"side":"left","symptomDays":1,"painNow":3,"painWorst":5,"flags":[]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("age", out _));
    }

    private async Task<JsonObject> StoredInputAsync(string resultPath)
    {
        var id = Guid.Parse(resultPath.Split('/').Last());
        var stored = await factory.InDatabaseAsync(db => db.Assessments.SingleAsync(a => a.Id == id));
        return JsonNode.Parse(stored.InputJson)!.AsObject();
    }
}
