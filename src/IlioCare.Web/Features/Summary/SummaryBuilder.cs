using IlioCare.Clinical.Assessment;
using IlioCare.Data;
using IlioCare.Web.Features.Assessment;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Summary;

/// <summary>
/// Builds the doctor-visit summary (F4) from the signed-in patient's own rows only: every query filters by their
/// account id. The assessments give how long, where and the triage; <see cref="PatientHistory"/> (the one reading of
/// the program's rows) gives the rest through <see cref="ProgramFacts"/>.
/// </summary>
internal static class SummaryBuilder
{
    public static async Task<VisitSummary> LoadAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile?.TimeZoneId ?? "UTC");
        var today = PatientToday.Date(clock, zone.Id);
        DateOnly Local(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId).ToListAsync(ct))
            .OrderBy(a => a.TakenAtUtc)
            .Select(a => (Date: Local(a.TakenAtUtc), Input: AssessmentContract.Read(a.InputJson).Value, Result: AssessmentView.FromResultJson(a.ResultJson)))
            .Where(a => a.Input is not null)
            .Select(a => (a.Date, Input: a.Input!, a.Result))
            .ToList();
        var history = await PatientHistory.LoadAsync(db, accountId, ct);
        var latest = assessments.Count > 0 ? assessments[^1].Input : null;

        var signs = assessments.Where(a => a.Input.Flags.Count > 0)
            .Select(a => new ReportedSigns(a.Date, "assessment", Ordered(a.Input.Flags).Select(WarningSigns.Question).ToArray()))
            .Concat((history?.CheckIns ?? []).Where(c => c.WarningSigns.Count > 0)
                .Select(c => new ReportedSigns(c.Date, "check-in", Ordered(c.WarningSigns).Select(CheckInLabels.Sign).ToArray())))
            .OrderBy(s => s.Date).ThenBy(s => s.Where, StringComparer.Ordinal)
            .ToArray();

        var person = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.DisplayName, u.Email, u.DateOfBirth }).FirstOrDefaultAsync(ct);
        return new VisitSummary(today, profile?.AgeAtSignUp, profile?.Side ?? latest?.Side, latest?.Sex)
        {
            Name = person?.DisplayName ?? person?.Email,
            DateOfBirth = person?.DateOfBirth,
            Symptoms = assessments.Count == 0 ? null : Symptoms(assessments[0].Date, assessments[0].Input, assessments[^1].Date, assessments[^1].Input, today),
            WarningSigns = signs,
            Triage = assessments.Select(a => new TriageGiven(a.Date, a.Result.Triage, a.Result.Reasons.Select(r => r.Text).ToArray(), a.Result.StartPhase)).ToArray(),
            Program = history is null ? null : ProgramFacts.Build(history, today),
        };
    }

    /// <summary>How long from the first assessment (its symptomDays plus the days since); where and what from the latest.</summary>
    private static SymptomHistory Symptoms(DateOnly firstOn, AssessmentInput first, DateOnly latestOn, AssessmentInput latest, DateOnly today) => new(
        firstOn, first.SymptomDays, Math.Max(0, today.DayNumber - firstOn.DayNumber), latestOn,
        latest.PainNow, latest.PainWorst,
        Ordered(latest.PainSites).Select(AssessmentLabels.Of).ToArray(),
        Ordered(latest.Aggravators).Select(AssessmentLabels.Of).ToArray(),
        Ordered(latest.Activities).Select(AssessmentLabels.Of).ToArray(),
        Other(latest));

    /// <summary>The yes/no symptoms of the assessment that were answered yes, in plain words.</summary>
    private static string[] Other(AssessmentInput input)
    {
        var other = new List<string>();
        if (input.MorningStiffness)
            other.Add(input.StiffnessEasesDuringDay ? "Stiff in the morning, easing during the day" : "Stiff in the morning, not easing during the day");
        if (input.Limp) other.Add("A limp");
        if (input.Snapping) other.Add("A snapping or clicking feeling in the hip");
        if (input.Worsening) other.Add("Getting worse despite rest");
        if (input.RecentLoadIncrease) other.Add("Did more sport or training than usual shortly before it began");
        return [.. other];
    }

    /// <summary>Enum order (the order the forms ask in), so the page reads the same every time.</summary>
    private static IEnumerable<T> Ordered<T>(IReadOnlySet<T> set) where T : struct, Enum => Enum.GetValues<T>().Where(set.Contains);
}
