using Microsoft.EntityFrameworkCore;
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

    /// <summary>A date of birth that makes someone <paramref name="age"/> today (their birthday was yesterday).</summary>
    public static string BornYearsAgo(int age) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-age).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sign-up form's fields (issue 18: a name and a date of birth, no typed age).</summary>
    public static KeyValuePair<string, string>[] SignUpFields(string email, string? assessment = null, int age = 34, string? name = null) =>
    [
        F("Form.Email", email), F("Form.Password", Password), F("Form.Name", name ?? "Pat " + email.Split('@')[0]),
        F("Form.DateOfBirth", BornYearsAgo(age)), F("Form.AcceptTerms", "true"), .. assessment is null ? [] : new[] { F("Form.Assessment", assessment) },
    ];

    /// <summary>
    /// Sign-up, then sign-in (issue 18: sign-up answers the same for every address and signs nobody in, so a new
    /// account signs in with the password it chose). The client is signed in afterwards.
    /// </summary>
    public static async Task SignUpAsync(FormClient client, string email, string? assessment = null, int age = 34, string? name = null)
    {
        var signUp = await client.PostFormAsync(assessment is null ? "/sign-up" : $"/sign-up?assessment={assessment}", "sign-up", SignUpFields(email, assessment, age, name));
        Assert.Equal("/sign-in?signedUp=1", PathOf(signUp));
        await SignInAsync(client, email);
    }

    /// <summary>
    /// Marks the address confirmed, as the mail's link would (that link is tested in MailFlowTests): for tests whose
    /// patient links a clinician, which an unconfirmed address may not (issue 18).
    /// </summary>
    public static Task ConfirmEmailAsync(IlioCareFactory factory, string email) =>
        factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));

    public static async Task SignInAsync(FormClient client, string email, string password = Password)
    {
        var signIn = await client.PostFormAsync("/sign-in", "sign-in", [F("Form.Email", email), F("Form.Password", password)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual("/sign-in", PathOf(signIn));
    }

    /// <summary>Assessment → sign-up (claims it) → onboarding; the client is signed in afterwards.</summary>
    public static async Task<string> OnboardAsync(FormClient client, string email)
    {
        var result = await TakeAssessmentAsync(client);
        var id = result.Split('/').Last();
        await SignUpAsync(client, email, id);
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
