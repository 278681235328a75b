using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Patients for the check-in tests: onboarded in Europe/Paris, checking in through the real form.</summary>
internal static class CheckInPatients
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Plain overuse pain but pain now 5: the program starts in settle (SPEC §3).</summary>
    public static KeyValuePair<string, string>[] SettleAnswers() =>
        Patients.OveruseAnswers().Select(f => f.Key == "Form.PainNow" ? F("Form.PainNow", "5") : f.Key == "Form.PainWorst" ? F("Form.PainWorst", "6") : f).ToArray();

    /// <summary>Assessment → sign-up → onboarding (Europe/Paris, running, 180 min a week); returns the account id.</summary>
    public static Task<string> OnboardAsync(IlioCareFactory factory, FormClient client, string email, bool settle = false) =>
        OnboardAsync(factory, client, email, settle ? SettleAnswers() : null, age: 34);

    /// <summary>As above, with the assessment's answers and the age given at sign-up.</summary>
    public static async Task<string> OnboardAsync(IlioCareFactory factory, FormClient client, string email,
        KeyValuePair<string, string>[]? answers, int age)
    {
        var result = await Patients.TakeAssessmentAsync(client, answers);
        var id = result.Split('/').Last();
        await Patients.SignUpAsync(client, email, id, age);
        await Patients.ConfirmEmailAsync(factory, email); // as if the mail's link was opened
        var onboarding = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "180"),
            F("Form.TimeZone", "Europe/Paris"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "no"),
        ]);
        Assert.Equal("/today", PathOf(onboarding));
        return (await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == email))).Id;
    }

    /// <summary>The patient's today in Paris.</summary>
    public static DateOnly Today(IlioCareFactory factory) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris).DateTime);

    /// <summary>Moves the clock on to the next 09:00 in Paris, so a test's days never straddle midnight.</summary>
    public static void MoveToMorning(IlioCareFactory factory)
    {
        var local = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris);
        var next = local.Date.AddHours(9);
        if (next <= local.DateTime) next = next.AddDays(1);
        factory.Clock.Advance(next - local.DateTime);
    }

    public static KeyValuePair<string, string>[] Answers(int painMorning = 1, int stiffness = 10, int painNow = 1, string? sign = null,
        int? running = null, string? hop = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            F("Form.PainMorning", $"{painMorning}"), F("Form.StiffnessMinutes", $"{stiffness}"), F("Form.PainNow", $"{painNow}"),
            sign is null ? F("Form.NoWarningSigns", "true") : F("Form.WarningSigns", sign),
        };
        if (running is not null) fields.Add(F("Form.Sport[running]", $"{running}"));
        if (hop is not null) fields.Add(F("Form.HopTest", hop));
        return [.. fields];
    }

    public static Task<HttpResponseMessage> CheckInAsync(FormClient client, KeyValuePair<string, string>[] answers) =>
        client.PostFormAsync("/check-in", "check-in", answers);

    public static Task<List<CheckInRecord>> CheckInsAsync(IlioCareFactory factory, string accountId) =>
        factory.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId).OrderBy(c => c.Date).ToListAsync());

    public static Task<List<ProgramStateRecord>> StatesAsync(IlioCareFactory factory, string accountId) =>
        factory.InDatabaseAsync(db => db.ProgramStates.Where(s => s.AccountId == accountId).OrderBy(s => s.EffectiveOn).ToListAsync());
}
