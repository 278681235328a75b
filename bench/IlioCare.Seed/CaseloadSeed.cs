using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;

namespace IlioCare.Seed;

/// <summary>
/// A clinician (two-factor on, an API token) with <c>patients</c> actively linked patients, each onboarded <c>days</c>
/// ago with a check-in most days since, in settle then restore. A mix the caseload sorts: about 1 in 20 with pain now 7
/// on the latest check-in (a flare), 1 in 10 with a stop in the last week, 1 in 10 who missed the last 3 days, 1 in 50
/// with a warning sign (paused). Only what the caseload reads: no doses, logs only for the stops.
/// </summary>
internal static class CaseloadSeed
{
    public static async Task<IReadOnlyList<string>> RunAsync(IlioCareDbContext db, UserManager<Account> users, string email, string password,
        int patients, int days, DateOnly today)
    {
        var now = DateTime.UtcNow;
        var clinician = await Accounts.CreateAsync(users, email, password, Roles.Clinician, $"Dr Growth {patients}", now.AddDays(-days));
        var secret = await Accounts.EnableTwoFactorAsync(users, clinician);
        var token = await Accounts.TokenAsync(db, clinician.Id, now);
        db.ChangeTracker.Clear();
        var lines = await FollowAsync(db, clinician.Id, email, patients, days, today);
        return [$"clinician_id={clinician.Id}", $"totp_secret={secret}", $"token={token}", .. lines];
    }

    /// <summary>
    /// The same patients for a clinician who already exists (bench/load.sh: one made by the operator command and
    /// signed in through the two-factor set-up, as a real one is); nothing about the clinician's account changes.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FollowExistingAsync(IlioCareDbContext db, UserManager<Account> users, string email,
        int patients, int days, DateOnly today)
    {
        var clinician = await users.FindByEmailAsync(email) ?? throw new ArgumentException($"no account {email}: create the clinician first");
        if (!await users.IsInRoleAsync(clinician, Roles.Clinician)) throw new ArgumentException($"{email} is not a clinician");
        db.ChangeTracker.Clear();
        return [$"clinician_id={clinician.Id}", .. await FollowAsync(db, clinician.Id, email, patients, days, today)];
    }

    private static async Task<IReadOnlyList<string>> FollowAsync(IlioCareDbContext db, string clinicianId, string email, int patients, int days, DateOnly today)
    {
        var now = DateTime.UtcNow;

        var role = await Accounts.RoleIdAsync(db, Roles.Patient);
        var first = today.AddDays(-days);
        var onboarded = first.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var random = new Random(patients);
        var accounts = Enumerable.Range(1, patients)
            .Select(i => Accounts.Bare($"p{i:0000}-{Guid.NewGuid():N}@growth.local", $"Patient {i:0000} of {email}", onboarded)).ToList();
        await Accounts.SaveAsync(db, accounts);
        await Accounts.SaveAsync(db, accounts.Select(a => new IdentityUserRole<string> { UserId = a.Id, RoleId = role }));
        await Accounts.SaveAsync(db, accounts.Select(a => new CareLink { PatientId = a.Id, ClinicianId = clinicianId, LinkedAtUtc = onboarded }));
        await Accounts.SaveAsync(db, accounts.Select(a => new PatientProfile
        {
            AccountId = a.Id, AgeAtSignUp = 30 + random.Next(40), TermsAcceptedAtUtc = onboarded, CreatedAtUtc = onboarded, OnboardedAtUtc = onboarded,
            Side = Side.Left, Sports = new HashSet<Activity> { Activity.Cycling }, PreInjuryWeeklyMinutes = 120, TimeZoneId = "UTC",
        }));

        var checkIns = new List<CheckInRecord>();
        var states = new List<ProgramStateRecord>();
        var stops = new List<ExerciseLogRecord>();
        for (var i = 0; i < accounts.Count; i++)
        {
            var id = accounts[i].Id;
            var (severe, stop, missed, warning) = (i % 20 == 3, i % 10 == 5, i % 10 == 7, i % 50 == 11);
            states.Add(State(id, first, Phase.Settle, PhaseMove.Stay, "onboarding", false));
            states.Add(State(id, first.AddDays(3), Phase.Restore, PhaseMove.Advance, "engine", false));
            var last = missed ? today.AddDays(-3) : today;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var latest = day == last;
                var at = day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc);
                checkIns.Add(new CheckInRecord
                {
                    AccountId = id, Date = day, PainMorning = 2, StiffnessMinutes = 10, PainNow = latest && severe ? 7 : random.Next(0, 3),
                    WarningSigns = latest && warning ? new HashSet<WarningSign> { WarningSign.Fever } : new HashSet<WarningSign>(),
                    Flare = latest && severe, CreatedAtUtc = at, UpdatedAtUtc = at,
                });
            }
            if (warning) states.Add(State(id, last, Phase.Restore, PhaseMove.Pause, "engine", true));
            if (stop)
            {
                stops.Add(new ExerciseLogRecord
                {
                    AccountId = id, Date = today.AddDays(-2), Exercise = ExerciseCatalogue.Strengthening[0], Sets = 2, Reps = 10,
                    Resistance = IlioCare.Clinical.Progression.Resistance.None, Completed = false, StoppedForPain = true, PainBefore = 2, PainDuring = 5,
                    RecordedAtUtc = now.AddDays(-2),
                });
            }
        }
        await Accounts.SaveAsync(db, states);
        await Accounts.SaveAsync(db, checkIns);
        await Accounts.SaveAsync(db, stops);
        return [$"patients={patients}", $"check_ins={checkIns.Count}"];
    }

    private static ProgramStateRecord State(string id, DateOnly day, Phase phase, PhaseMove move, string setBy, bool paused) => new()
    {
        AccountId = id, EffectiveOn = day, Phase = phase, CountsFrom = day, PausedForWarningSign = paused, Move = move, SetBy = setBy,
        Reason = paused ? "Program paused: you reported a warning sign." : $"Moved to {phase}.", RecordedAtUtc = day.ToDateTime(new TimeOnly(7, 31), DateTimeKind.Utc),
    };
}
