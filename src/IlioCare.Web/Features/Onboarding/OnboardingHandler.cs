using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
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
        profile.OnboardedAtUtc = clock.GetUtcNow().UtcDateTime;

        // The program starts on the patient's today in the assessment's start phase (SPEC §3); today's
        // check-in already counts. Onboarding again the same day replaces that start.
        var today = PatientToday.Date(clock, answers.TimeZoneId);
        var phase = assessment.StartPhase ?? throw new InvalidOperationException("No program without a start phase (SPEC §3).");
        await db.ProgramStates.Where(s => s.AccountId == profile.AccountId && s.EffectiveOn >= today).ExecuteDeleteAsync(ct);
        db.ProgramStates.Add(new ProgramStateRecord
        {
            AccountId = profile.AccountId,
            EffectiveOn = today,
            Phase = phase,
            CountsFrom = today,
            Move = PhaseMove.Stay,
            Reason = $"Your program starts in {WireName.Of(phase)}, as your assessment suggested.",
            SetBy = "onboarding",
            RecordedAtUtc = profile.OnboardedAtUtc.Value,
        });
        await db.SaveChangesAsync(ct);
    }
}
