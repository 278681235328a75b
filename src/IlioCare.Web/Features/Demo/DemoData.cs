using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using IlioCare.Web.Features.Assessment;
using IlioCare.Web.Features.Today;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Demo;

/// <summary>
/// Demo data on request, never by default (issue 3): with <c>Demo:Seed=true</c> the app creates one demo patient
/// (<see cref="DemoStory.Email"/>) with an assessment, a profile and three weeks of check-ins, session logs, doses
/// and program states — the last two decided by the clinical engine (<see cref="DemoReplay"/>). Idempotent: if
/// the demo account exists, nothing is touched.
/// </summary>
internal static partial class DemoData
{
    public const string SettingKey = "Demo:Seed";
    private const string TimeZoneId = "Europe/Paris";

    /// <summary>
    /// Settle is where the story starts: pain now 5 puts the start phase there (SPEC §3), and the assessment engine
    /// decides it, like everything else in the demo.
    /// </summary>
    private const string AssessmentJson =
        """{"age":34,"side":"left","symptomDays":12,"painNow":5,"painWorst":6,"flags":[],"painSites":["front-of-hip","groin"],"aggravators":["hip-flexion","stairs","running"],"activities":["running"],"morningStiffness":true,"stiffnessEasesDuringDay":true,"recentLoadIncrease":true}""";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));

        if (await users.FindByEmailAsync(DemoStory.Email) is not null)
        {
            LogExists(logger, DemoStory.Email);
            return;
        }

        var today = PatientToday.Date(clock, TimeZoneId);
        var firstDay = today.AddDays(-DemoStory.Days.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = now.AddDays(-DemoStory.Days.Count);

        // One unit, replayable on a PostgreSQL retry (Transactions.InTransactionAsync).
        var replay = await db.InTransactionAsync(async token =>
        {
            var account = new Account { UserName = DemoStory.Email, Email = DemoStory.Email, EmailConfirmed = true, CreatedAtUtc = started };
            var created = await users.CreateAsync(account, DemoStory.Password);
            if (!created.Succeeded)
                throw new InvalidOperationException("Demo patient not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            if (!(await users.AddToRoleAsync(account, Roles.Patient)).Succeeded) // a patient like any who signs up (F15)
                throw new InvalidOperationException("Demo patient not given the patient role.");

            var (input, result) = AssessmentHandler.Judge(AssessmentJson);
            var startPhase = result?.StartPhase ?? throw new InvalidOperationException("The demo assessment must start a program: " + string.Join("; ", input.Errors));
            var assessment = new AssessmentRecord
            {
                Id = Guid.NewGuid(), AccountId = account.Id, TakenAtUtc = started, InputJson = AssessmentJson,
                ResultJson = Clinical.Assessment.AssessmentContract.Write(result), Triage = result.Triage, StartPhase = startPhase,
            };
            var profile = new PatientProfile
            {
                AccountId = account.Id, AgeAtSignUp = 34, TermsAcceptedAtUtc = started, CreatedAtUtc = started, OnboardedAtUtc = started,
                Side = Side.Left, Sports = new HashSet<Activity> { Activity.Running }, PreInjuryWeeklyMinutes = 180,
                TimeZoneId = TimeZoneId, DailySessionTime = new TimeOnly(18, 30), AssessmentId = assessment.Id,
            };
            var replay = new DemoReplay(profile, firstDay, now).Play(startPhase);

            db.Assessments.Add(assessment);
            db.PatientProfiles.Add(profile);
            db.CheckIns.AddRange(replay.CheckIns);
            db.ExerciseLogs.AddRange(replay.Logs);
            db.Doses.AddRange(replay.Doses);
            db.ProgramStates.AddRange(replay.States);
            await db.SaveChangesAsync(token);
            return replay;
        }, ct);
        LogSeeded(logger, DemoStory.Email, replay.CheckIns.Count, replay.States.Count, replay.Doses.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo patient {Email} exists already: nothing seeded.")]
    private static partial void LogExists(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo patient {Email} seeded: {Days} days, {States} program states, {Doses} dose records.")]
    private static partial void LogSeeded(ILogger logger, string email, int days, int states, int doses);
}
