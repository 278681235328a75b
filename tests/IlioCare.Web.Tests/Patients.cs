using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Journeys through the real forms, for tests that need a patient at some step.</summary>
public static class Patients
{
    public const string Password = "correct horse battery";

    /// <summary>Plain overuse pain: a runner, no warning signs → self-care, starts in restore.</summary>
    public static KeyValuePair<string, string>[] OveruseAnswers(params KeyValuePair<string, string>[] extra) =>
    [
        F("Form.Age", "34"), F("Form.Side", "left"), F("Form.SymptomDays", "10"), F("Form.PainNow", "3"),
        F("Form.PainWorst", "4"), F("Form.PainSites", "front-of-hip"), F("Form.Aggravators", "hip-flexion"),
        F("Form.Activities", "running"), F("Form.NoWarningSigns", "true"), .. extra,
    ];

    /// <summary>Posts the assessment and returns the result page's path (/assessment/{id}).</summary>
    public static async Task<string> TakeAssessmentAsync(FormClient client, KeyValuePair<string, string>[]? answers = null)
    {
        var response = await client.PostFormAsync("/assessment", "assessment", answers ?? OveruseAnswers());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return PathOf(response)!;
    }

    /// <summary>Assessment → sign-up (claims it) → onboarding; the client is signed in afterwards.</summary>
    public static async Task<string> OnboardAsync(FormClient client, string email)
    {
        var result = await TakeAssessmentAsync(client);
        var id = result.Split('/').Last();
        var signUp = await client.PostFormAsync($"/sign-up?assessment={id}", "sign-up",
            [F("Form.Email", email), F("Form.Password", Password), F("Form.Age", "34"), F("Form.AcceptTerms", "true"), F("Form.Assessment", id)]);
        Assert.Equal("/onboarding", PathOf(signUp));
        var onboarding = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "180"),
            F("Form.TimeZone", "Europe/Paris"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "yes"),
        ]);
        Assert.Equal("/today", PathOf(onboarding));
        return id;
    }
}
