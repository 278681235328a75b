using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class AssessmentTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Form_BadInput_ShowsEveryFieldMessage_AndStoresNothing()
    {
        var before = await factory.InDatabaseAsync(db => db.Assessments.CountAsync());
        var response = await new FormClient(factory).PostFormAsync("/assessment", "assessment",
            [F("Form.Age", "abc"), F("Form.Side", "left"), F("Form.SymptomDays", "10"), F("Form.PainNow", "6"), F("Form.PainWorst", "3")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"age-error\"", html, StringComparison.Ordinal);
        // The summary names each question by its label and says what to do (issue 16: no field ids, no contract words).
        Assert.Contains("Age: Enter your age in years, a whole number from 10 to 110.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"painWorst-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Worst pain in the last 24 hours: Your worst pain in the last 24 hours must be at least your pain right now.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("painNow (6)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("age: ", html, StringComparison.Ordinal);
        Assert.Contains("id=\"flags-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal); // on the age input
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal); // what was typed comes back
        Assert.Equal(before, await factory.InDatabaseAsync(db => db.Assessments.CountAsync()));
    }

    [Fact]
    public async Task Form_WarningSignAndNoneOfThese_IsRejected()
    {
        var response = await new FormClient(factory).PostFormAsync("/assessment", "assessment", Patients.OveruseAnswers(F("Form.Flags", "fever")));
        Assert.Contains("id=\"flags-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_Fever_ShowsUrgentScreen_WithEmergencyNumber_AndNoProgram()
    {
        var client = new FormClient(factory);
        var answers = Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns").Append(F("Form.Flags", "fever")).ToArray();
        var result = await Patients.TakeAssessmentAsync(client, answers);

        var html = await (await client.GetAsync(result)).Content.ReadAsStringAsync();
        Assert.Contains("See a doctor within 24 hours", html, StringComparison.Ordinal);
        Assert.Contains("triage-urgent", html, StringComparison.Ordinal);
        Assert.Contains("112", html, StringComparison.Ordinal);
        Assert.Contains("See a doctor first", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Start the program", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_BladderChange_ShowsEmergencyScreen()
    {
        var client = new FormClient(factory);
        var answers = Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns").Append(F("Form.Flags", "bladder-or-bowel-change")).ToArray();
        var html = await (await client.GetAsync(await Patients.TakeAssessmentAsync(client, answers))).Content.ReadAsStringAsync();
        Assert.Contains("Go to emergency care now", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:112\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_Overuse_OffersTheProgram_AndStoresTheAnswers()
    {
        var client = new FormClient(factory);
        var result = await Patients.TakeAssessmentAsync(client);
        var html = await (await client.GetAsync(result)).Content.ReadAsStringAsync();
        Assert.Contains("Start the program", html, StringComparison.Ordinal);
        Assert.Contains("/sign-up?assessment=", html, StringComparison.Ordinal);
        var id = Guid.Parse(result.Split('/').Last());
        var stored = await factory.InDatabaseAsync(db => db.Assessments.SingleAsync(a => a.Id == id));
        Assert.Null(stored.AccountId);
        Assert.Equal(IlioCare.Clinical.Program.Phase.Restore, stored.StartPhase);
    }

    [Fact]
    public async Task Api_ValidInput_ReturnsSpecJson()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments", Json(
            """{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":["fever"]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(["triage", "reasons", "patterns", "startPhase", "disclaimer"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("urgent", root.GetProperty("triage").GetString());
        Assert.Equal("fever", root.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("startPhase").ValueKind);
    }

    [Fact]
    public async Task Api_BadInput_IsProblemDetailsNamingEveryBadField()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments", Json(
            """{"age":"34","side":"Left","painNow":7,"painWorst":3,"flags":["fever","fever"],"extra":true}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "age", "side", "symptomDays", "painWorst", "flags[1]", "extra" }, fields);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[1,2]", "$")]
    public async Task Api_MalformedOrNotAnObject_Is400AtTheRoot(string body, string field)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Api_NotJson_Is415()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/assessments",
            new StringContent("""{"age":34}""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
