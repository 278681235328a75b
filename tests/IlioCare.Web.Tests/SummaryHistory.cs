using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Tests;

/// <summary>
/// A realistic 8-week history for the doctor-visit summary (F4), written straight into the database for a patient
/// onboarded through the real forms: 56 days (day 0 a Monday … day 55 today, a Sunday), settle → restore, a fever
/// and chills on day 20 that pause the program, a new assessment and resume in settle on day 23, restore again,
/// return on day 40 with running; four missed sessions, two stops for pain, doses climbing to light resistance.
/// Shared (linked) by the browser tests, so the PDF is printed from the same story the facts are tested on.
/// </summary>
public static class SummaryHistory
{
    public const int Days = 56;
    public const int FeverDay = 20;
    public const int ResumeDay = 23;
    public static readonly int[] PausedDays = [20, 21, 22];
    public static readonly int[] MissedSessions = [10, 11, 30, 45];
    public static readonly (int Day, ExerciseId Exercise)[] Stops = [(15, ExerciseId.SeatedMarching), (44, ExerciseId.StraightLegRaise)];

    // The first and last weeks (days 0–6 and 49–55): means 3.9 / 4.3 / 32.9 and 0.9 / 0.9 / 4.3.
    private static readonly int[] s_firstPainNow = [5, 5, 4, 4, 3, 3, 3], s_firstMorning = [6, 5, 5, 4, 4, 3, 3], s_firstStiff = [45, 40, 40, 30, 30, 25, 20];
    private static readonly int[] s_lastPainNow = [1, 1, 1, 1, 0, 1, 1], s_lastMorning = [1, 1, 1, 1, 1, 1, 0], s_lastStiff = [5, 5, 5, 0, 5, 5, 5];

    /// <summary>Running minutes by day: 90 in the first week of return (its cap), 100 in the next (cap 99).</summary>
    private static readonly Dictionary<int, int> s_running = new() { [42] = 30, [44] = 30, [46] = 30, [49] = 25, [51] = 25, [53] = 25, [55] = 25 };

    public const string ResumeAssessmentJson =
        """{"age":41,"side":"left","symptomDays":33,"painNow":2,"painWorst":3,"flags":[],"painSites":["front-of-hip","groin"],"aggravators":["hip-flexion","stairs"],"activities":["running"],"snapping":true}""";

    /// <summary>Moves onboarding's rows back to day 0 and adds the 8 weeks; <paramref name="now"/> is today (day 55) in UTC.</summary>
    public static async Task SeedAsync(Func<Func<IlioCareDbContext, Task<int>>, Task<int>> inDatabase, string accountId, DateTimeOffset now, DateOnly today)
    {
        var start = today.AddDays(-(Days - 1));
        DateOnly D(int day) => start.AddDays(day);
        await inDatabase(async db =>
        {
            var profile = await db.PatientProfiles.SingleAsync(p => p.AccountId == accountId);
            profile.CreatedAtUtc = now.UtcDateTime.AddDays(-(Days - 1));
            profile.OnboardedAtUtc = profile.CreatedAtUtc;
            var first = await db.Assessments.SingleAsync(a => a.AccountId == accountId);
            first.TakenAtUtc = now.UtcDateTime.AddDays(-(Days - 1));
            var onboarding = await db.ProgramStates.SingleAsync(s => s.AccountId == accountId);
            (onboarding.EffectiveOn, onboarding.CountsFrom) = (D(0), D(0));

            var resume = Assessor.Assess(AssessmentContract.Read(ResumeAssessmentJson).Value!);
            db.Assessments.Add(new AssessmentRecord
            {
                Id = Guid.NewGuid(), AccountId = accountId, TakenAtUtc = now.UtcDateTime.AddDays(ResumeDay - (Days - 1)),
                InputJson = ResumeAssessmentJson, ResultJson = AssessmentContract.Write(resume), Triage = resume.Triage, StartPhase = resume.StartPhase,
            });
            db.ProgramStates.AddRange(
                State(accountId, D(4), Phase.Restore, PhaseMove.Advance, "Moved to restore: 3 days in a row with little pain and stiffness."),
                State(accountId, D(FeverDay), Phase.Restore, PhaseMove.Pause, "Program paused: you reported a warning sign.", paused: true),
                State(accountId, D(ResumeDay), Phase.Settle, PhaseMove.Resume, "Program restarted in settle: a doctor has checked the warning sign.", setBy: "patient"),
                State(accountId, D(26), Phase.Restore, PhaseMove.Advance, "Moved to restore again: 3 calm days in a row."),
                State(accountId, D(40), Phase.Return, PhaseMove.Advance, "Moved to return: 7 calm days, light resistance and a pain-free hop test."));

            Dose(db, accountId, ExerciseId.StraightLegRaise, [(D(4), 2, 15, Resistance.None, ProgressionAction.Hold), (D(12), 2, 20, Resistance.None, ProgressionAction.Progress),
                (D(16), 3, 15, Resistance.None, ProgressionAction.Progress), (D(19), 3, 20, Resistance.None, ProgressionAction.Progress),
                (D(30), 2, 15, Resistance.Light, ProgressionAction.Progress), (D(36), 2, 20, Resistance.Light, ProgressionAction.Progress),
                (D(45), 2, 15, Resistance.Light, ProgressionAction.Stop)]);
            Dose(db, accountId, ExerciseId.SeatedMarching, [(D(4), 2, 15, Resistance.None, ProgressionAction.Hold), (D(14), 2, 20, Resistance.None, ProgressionAction.Progress),
                (D(16), 2, 15, Resistance.None, ProgressionAction.Stop), (D(30), 2, 15, Resistance.Light, ProgressionAction.Progress)]);
            db.Doses.AddRange(
                new DoseRecord { AccountId = accountId, Exercise = ExerciseId.ButterflyStretch, EffectiveFrom = D(1), Count = 3, HoldSeconds = 20, Action = ProgressionAction.Hold, Reason = "Starting dose: the first step of the ladder.", SetBy = "engine" },
                new DoseRecord { AccountId = accountId, Exercise = ExerciseId.ButterflyStretch, EffectiveFrom = D(10), Count = 3, HoldSeconds = 25, Action = ProgressionAction.Progress, Reason = "Three calm sessions within 7 days: one step up.", SetBy = "engine" });

            for (var day = 0; day < Days; day++)
            {
                if (day is 21 or 22) continue; // paused for the warning sign: no check-in
                var (painNow, morning, stiff) = day < 7 ? (s_firstPainNow[day], s_firstMorning[day], s_firstStiff[day])
                    : day >= Days - 7 ? (s_lastPainNow[day - (Days - 7)], s_lastMorning[day - (Days - 7)], s_lastStiff[day - (Days - 7)])
                    : day == FeverDay ? (4, 4, 20) : day < 40 ? (2, 3, 15) : (1, 2, 10);
                db.CheckIns.Add(new CheckInRecord
                {
                    AccountId = accountId, Date = D(day), PainNow = painNow, PainMorning = morning, StiffnessMinutes = stiff,
                    WarningSigns = day == FeverDay ? new HashSet<WarningSign> { WarningSign.Fever, WarningSign.Chills } : new HashSet<WarningSign>(),
                    SportMinutes = s_running.TryGetValue(day, out var minutes) ? new Dictionary<Activity, int> { [Activity.Running] = minutes } : new Dictionary<Activity, int>(),
                });
                if (PausedDays.Contains(day) || MissedSessions.Contains(day)) continue;
                var phase = day < 4 ? Phase.Settle : day < ResumeDay ? Phase.Restore : day < 26 ? Phase.Settle : day < 40 ? Phase.Restore : Phase.Return;
                foreach (var exercise in ExerciseCatalogue.ForPhase(phase).Where(e => e.Kind != ExerciseKind.WarmUp))
                {
                    var stopped = Stops.Contains((day, exercise.Id));
                    db.ExerciseLogs.Add(new ExerciseLogRecord
                    {
                        AccountId = accountId, Date = D(day), Exercise = exercise.Id, Completed = !stopped, StoppedForPain = stopped,
                        PainBefore = painNow, PainDuring = stopped ? painNow + 2 : painNow,
                    });
                }
            }
            return await db.SaveChangesAsync();
        });
    }

    private static ProgramStateRecord State(string accountId, DateOnly on, Phase phase, PhaseMove move, string reason, bool paused = false, string setBy = "engine") =>
        new() { AccountId = accountId, EffectiveOn = on, CountsFrom = on.AddDays(1), Phase = phase, Move = move, Reason = reason, PausedForWarningSign = paused, SetBy = setBy };

    private static void Dose(IlioCareDbContext db, string accountId, ExerciseId exercise, (DateOnly From, int Sets, int Reps, Resistance Resistance, ProgressionAction Action)[] steps)
    {
        foreach (var s in steps)
        {
            db.Doses.Add(new DoseRecord
            {
                AccountId = accountId, Exercise = exercise, EffectiveFrom = s.From, Sets = s.Sets, Reps = s.Reps, Resistance = s.Resistance, Action = s.Action, SetBy = "engine",
                Reason = s.Action switch
                {
                    ProgressionAction.Progress => "Three calm sessions within 7 days: one step up.",
                    ProgressionAction.Hold => "Starting dose: the first step of the ladder.",
                    ProgressionAction.Regress => "Your pain had not settled by the next morning: one step down.",
                    ProgressionAction.Stop => "You stopped it for pain: one step down.",
                },
            });
        }
    }
}
