using System.Net;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Safety;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>SPEC §3 revision 3 after sign-up: the check-in's scrotal-pain by sex, the signs judged with the assessment's
/// risk factors (F3), and the massage safety check started from the assessment's answers (F18).</summary>
public sealed partial class Revision3CheckInTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static KeyValuePair<string, string>[] Answers(params KeyValuePair<string, string>[] extra) => Patients.OveruseAnswers(extra);

    [Theory]
    [InlineData("female", false)]
    [InlineData("male", true)]
    [InlineData("other", true)]
    [InlineData(null, true)]
    public async Task CheckIn_AsksScrotalPain_UnlessTheLatestAssessmentSaysFemale(string? sex, bool asked)
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, $"scrotal-{sex ?? "none"}@example.com", sex is null ? Answers() : Answers(F("Form.Sex", sex)), age: 34);
        var page = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Equal(asked, page.Contains("value=\"scrotal-pain\"", StringComparison.Ordinal));
        Assert.Contains("value=\"saddle-numbness\"", page, StringComparison.Ordinal); // the other signs always
    }

    [Fact]
    public async Task CheckIn_Api_AcceptsScrotalPainWhatever_TheSex_AndPausesAsAnEmergency()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "scrotal-api-female@example.com", Answers(F("Form.Sex", "female")), age: 34);
        var response = await client.Http.PutAsync($"/api/v1/me/check-ins/{TodayIso(factory)}",
            Json("""{"painMorning":2,"stiffnessMinutes":5,"painNow":2,"warningSigns":["scrotal-pain"]}"""));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal([WarningSign.ScrotalPain], Assert.Single(await CheckInsAsync(factory, id)).WarningSigns);
        // New since the last check-in: judged as torsion would be (symptomDays 0).
        var paused = WebUtility.HtmlDecode(await (await client.GetAsync("/program/paused")).Content.ReadAsStringAsync());
        Assert.Contains("Go to emergency care now", paused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Go to emergency care now")]       // possible-bleed: numbness on blood thinners
    [InlineData(false, "See a doctor within 24 hours")]  // numbness alone is urgent
    public async Task CheckIn_NumbnessIsJudgedWithTheAssessmentsBloodThinners(bool bloodThinners, string title)
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var answers = bloodThinners ? Answers(F("Form.BloodThinners", "true")) : Answers();
        await OnboardAsync(factory, client, $"bleed-{bloodThinners}@example.com", answers, age: 34);
        var response = await CheckInAsync(client, CheckInPatients.Answers(sign: "numbness-or-weakness"));
        var paused = WebUtility.HtmlDecode(await (await client.FollowAsync(response)).Content.ReadAsStringAsync());
        Assert.Contains(title, paused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MassageCheck_StartsFromTheAssessmentsAnswers_WhichThePatientStillSees()
    {
        var client = new FormClient(factory);
        await SignUpAsync(client, "massage-prefill@example.com", Answers(F("Form.Sex", "female"), F("Form.BloodThinners", "true")));
        var page = WebUtility.HtmlDecode(await (await client.GetAsync("/onboarding")).Content.ReadAsStringAsync());
        Assert.Equal("yes", Checked(page, "Form.BloodThinners"));
        Assert.Equal("no", Checked(page, "Form.Pregnancy"));
        Assert.Null(Checked(page, "Form.Hernia")); // not asked by the assessment: no answer given for the patient
        Assert.Contains("Filled in from your self-assessment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MassageCheck_ForMale_HidesPregnancy_AndCountsItAsNo()
    {
        var client = new FormClient(factory);
        var id = await SignUpAsync(client, "massage-male@example.com", Answers(F("Form.Sex", "male")));
        var page = await (await client.GetAsync("/onboarding")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Form.Pregnancy\"", page, StringComparison.Ordinal);
        Assert.Equal("no", Checked(page, "Form.BloodThinners"));

        // A "yes" posted anyway for a question not shown is not an answer; everything else "no": massage stays.
        var response = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.PreInjuryWeeklyMinutes", "60"), F("Form.TimeZone", "Europe/Paris"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "yes"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "no"),
        ]);
        Assert.Equal("/today", PathOf(response));
        Assert.Empty((await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == id))).MassageCautions);
    }

    [Fact]
    public async Task MassageCheck_OlderAssessmentWithoutTheQuestions_PrefillsNothing()
    {
        var client = new FormClient(factory);
        var id = await SignUpAsync(client, "massage-old@example.com", Answers());
        // As an assessment stored before revision 3: neither answer in the input.
        await factory.InDatabaseAsync(async db =>
        {
            var record = await db.Assessments.SingleAsync(a => a.AccountId == id);
            record.InputJson = """{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":4,"flags":[]}""";
            return await db.SaveChangesAsync();
        });
        var page = await (await client.GetAsync("/onboarding")).Content.ReadAsStringAsync();
        Assert.Null(Checked(page, "Form.Pregnancy"));
        Assert.Null(Checked(page, "Form.BloodThinners"));
    }

    [Fact]
    public async Task MassageCheck_Api_TakesTheExplicitList_NoDefaultFromTheAssessment()
    {
        var client = new FormClient(factory);
        var id = await SignUpAsync(client, "massage-api@example.com", Answers(F("Form.BloodThinners", "true")));
        const string body = """{"side":"left","sports":[],"preInjuryWeeklyMinutes":0,"timeZone":"Europe/Paris","sessionTime":"18:30"}""";
        var missing = await client.Http.PutAsync("/api/v1/me/onboarding", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("massageCautions", (await ValidationErrorsAsync(missing)).Keys);

        var response = await client.Http.PutAsync("/api/v1/me/onboarding", Json(body.Replace("}", ",\"massageCautions\":[\"blood-thinners\"]}", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([MassageCaution.BloodThinners], (await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == id))).MassageCautions);
    }

    [Fact]
    public async Task Pages_AssessmentResultOnboardingCheckIn_SayNoArticleOrSpecToThePatient()
    {
        var client = new FormClient(factory);
        var result = await Patients.TakeAssessmentAsync(client, Answers(F("Form.BloodThinners", "true")));
        var pages = new List<string> { "/assessment", result };
        var id = result.Split('/').Last();
        await Patients.SignUpAsync(client, "plain-words@example.com", id);
        var texts = new List<(string, string)>();
        foreach (var path in pages.Append("/onboarding"))
            texts.Add((path, await VisibleTextAsync(client, path)));
        await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.PreInjuryWeeklyMinutes", "60"), F("Form.TimeZone", "Europe/Paris"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "yes"), F("Form.RecentAbdominalSurgery", "no"), F("Form.AorticAneurysm", "no"), F("Form.Hernia", "no"),
        ]);
        texts.Add(("/check-in", await VisibleTextAsync(client, "/check-in")));
        foreach (var (path, text) in texts)
        {
            Assert.True(text.Length > 200, $"{path} rendered");
            Assert.DoesNotMatch(SourceWords(), text);
        }
    }

    private static async Task<string> VisibleTextAsync(FormClient client, string path)
    {
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));
    }

    [GeneratedRegex("(?i)\\barticle\\b|\\bSPEC\\b|§")] private static partial Regex SourceWords();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex("(?s)<(script|style)\\b.*?</\\1>")] private static partial Regex Scripts();

    /// <summary>Assessment → sign-up (not onboarded); returns the account id.</summary>
    private async Task<string> SignUpAsync(FormClient client, string email, KeyValuePair<string, string>[] answers)
    {
        var id = (await Patients.TakeAssessmentAsync(client, answers)).Split('/').Last();
        await Patients.SignUpAsync(client, email, id);
        return (await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == email))).Id;
    }

    /// <summary>The value of the checked radio named <paramref name="name"/>, or null when none is.</summary>
    private static string? Checked(string html, string name) =>
        CheckedRadio().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["value"].Value;

    [GeneratedRegex("<input type=\"radio\" id=\"[^\"]*\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\" checked")]
    private static partial Regex CheckedRadio();
}
