using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Onboarding;

/// <summary>Loads what onboarding starts from and saves the answers into the patient's profile.</summary>
internal static class OnboardingHandler
{
    /// <summary>The patient's latest assessment: the program starts from its start phase (SPEC §3).</summary>
    public static Task<AssessmentRecord?> LatestAssessmentAsync(IlioCareDbContext db, string accountId, CancellationToken ct) =>
        db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId)
            .OrderByDescending(a => a.TakenAtUtc).FirstOrDefaultAsync(ct);

    public static async Task SaveAsync(IlioCareDbContext db, PatientProfile profile, AssessmentRecord assessment,
        Onboarding answers, TimeProvider clock, CancellationToken ct)
    {
        profile.Side = answers.Side;
        profile.Sports = answers.Sports;
        profile.PreInjuryWeeklyMinutes = answers.PreInjuryWeeklyMinutes;
        profile.TimeZoneId = answers.TimeZoneId;
        profile.DailySessionTime = answers.SessionTime;
        profile.MassageCautions = answers.MassageCautions;
        profile.AssessmentId = assessment.Id;
        profile.Phase = assessment.StartPhase;
        // SPEC §4: counts start at a phase change; the first phase starts on the patient's today.
        profile.PhaseStartedOn = PatientToday.Date(clock, answers.TimeZoneId);
        profile.OnboardedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
