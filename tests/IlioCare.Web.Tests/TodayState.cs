using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Tests;

/// <summary>
/// A signed-in patient and the rows Today reads, written straight into the database (the check-in UI and
/// the morning review are built elsewhere): check-ins, doses, program states, pauses.
/// </summary>
public sealed class TodayState(IlioCareFactory factory, FormClient client, string accountId, string timeZone)
{
    public FormClient Client { get; } = client;
    public string AccountId { get; } = accountId;

    /// <summary>The patient's today in their own time zone (Patients.OnboardAsync: Europe/Paris).</summary>
    public DateOnly Today => PatientToday.Date(factory.Clock, timeZone);

    /// <summary>An onboarded patient (restore, massage excluded after "hernia: yes").</summary>
    public static async Task<TodayState> OnboardAsync(IlioCareFactory factory, string email)
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, email);
        var id = await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new(factory, client, id, "Europe/Paris");
    }

    public Task CheckInAsync(int painNow = 2, int sportMinutes = 0, params WarningSign[] signs) => AddAsync(new CheckInRecord
    {
        AccountId = AccountId, Date = Today, PainMorning = painNow, StiffnessMinutes = 10, PainNow = painNow,
        WarningSigns = signs.ToHashSet(),
        SportMinutes = sportMinutes > 0 ? new Dictionary<Activity, int> { [Activity.Running] = sportMinutes } : new Dictionary<Activity, int>(),
        CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime, UpdatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
    });

    public Task DoseAsync(ExerciseId exercise, Dose dose, string reason, DateOnly? from = null) => AddAsync(new DoseRecord
    {
        AccountId = AccountId, Exercise = exercise, EffectiveFrom = from ?? Today, Sets = dose.Sets, Reps = dose.Reps,
        Resistance = dose.Resistance, Action = ProgressionAction.Progress, Reason = reason, SetBy = "engine",
    });

    public Task DoseAsync(ExerciseId exercise, StretchDose dose, string reason, DateOnly? from = null) => AddAsync(new DoseRecord
    {
        AccountId = AccountId, Exercise = exercise, EffectiveFrom = from ?? Today, Count = dose.Count, HoldSeconds = dose.HoldSeconds,
        Action = ProgressionAction.Progress, Reason = reason, SetBy = "engine",
    });

    /// <summary>Replaces today's program state (onboarding wrote one for today).</summary>
    public async Task StateAsync(Phase phase, bool pausedForWarningSign = false)
    {
        await factory.InDatabaseAsync(db => db.ProgramStates.Where(s => s.AccountId == AccountId && s.EffectiveOn == Today).ExecuteDeleteAsync());
        await AddAsync(new ProgramStateRecord
        {
        AccountId = AccountId, EffectiveOn = Today, Phase = phase, CountsFrom = Today, PausedForWarningSign = pausedForWarningSign,
            Move = PhaseMove.Stay, Reason = "set by the test", SetBy = "engine",
        });
    }

    public Task PauseAsync(PauseReason reason, DateOnly startedOn, DateOnly? endedOn = null) =>
        AddAsync(new PauseRecord { AccountId = AccountId, StartedOn = startedOn, EndedOn = endedOn, Reason = reason });

    /// <summary>Lets self-massage back in (no massage caution), for settle sessions that contain it.</summary>
    public Task AllowMassageAsync() => factory.InDatabaseAsync(db =>
        db.PatientProfiles.Where(p => p.AccountId == AccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MassageCautions, new HashSet<Clinical.Safety.MassageCaution>())));

    public Task<List<ExerciseLogRecord>> LogsAsync() =>
        factory.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == AccountId).ToListAsync());

    public async Task<string> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task AddAsync<T>(T row) where T : class => await factory.InDatabaseAsync(async db =>
    {
        db.Add(row);
        return await db.SaveChangesAsync();
    });
}
