using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>What one row on the shown page adds (issue 15): day in phase, 7-day adherence, sport this week against its cap.</summary>
/// <param name="DayInPhase">1 on the first day of the phase's unbroken spell.</param>
/// <param name="Planned">Exercises planned over the last 7 days (today left out: its session may still be going), as /progress counts them.</param>
/// <param name="SportCap">This week's §7 sport cap in minutes, as the patient's check-in page shows it.</param>
public sealed record CaseloadDetail(int? DayInPhase, int Planned, int Done, int SportMinutes, int SportCap)
{
    /// <summary>Issue 15 "7-day adherence": the last 7 days before today.</summary>
    public const int AdherenceDays = 7;

    public int? AdherencePercent => Planned == 0 ? null : Adherence.Weeks([new AdherenceDay(default, Planned, Done)])[0].Percent;
}

/// <summary>
/// The columns that need a patient's program history, for the rows of one page only (at most
/// <see cref="CaseloadHandler.PageSize"/>): one query per table for the whole page — never one per patient — so the
/// page's cost stays bounded by the page, not the caseload (docs/performance.md, issue 15). The numbers are those of
/// the patient's own pages, from the same rules: <see cref="AdherenceChart"/> and <see cref="SportLoad"/> on a
/// <see cref="PatientHistory"/> window.
/// </summary>
internal static class CaseloadDetails
{
    public static async Task<IReadOnlyDictionary<string, CaseloadDetail>> LoadAsync(IlioCareDbContext db, IReadOnlyCollection<(string Id, DateOnly Today)> patients,
        CancellationToken ct)
    {
        if (patients.Count == 0) return new Dictionary<string, CaseloadDetail>();
        var ids = patients.Select(p => p.Id).ToArray();
        // A week and a day before the earliest "today" (zones differ by a day at most): adherence's 7 days and this week's sport.
        var since = patients.Min(p => p.Today).AddDays(-CaseloadDetail.AdherenceDays - 1);
        var profiles = await db.PatientProfiles.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToListAsync(ct);
        var states = (await db.ProgramStates.AsNoTracking().Where(s => ids.Contains(s.AccountId)).OrderBy(s => s.EffectiveOn).ToListAsync(ct)).ToLookup(s => s.AccountId);
        var doses = (await db.Doses.AsNoTracking().Where(d => ids.Contains(d.AccountId)).OrderBy(d => d.EffectiveFrom).ToListAsync(ct)).ToLookup(d => d.AccountId);
        var pauses = (await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToListAsync(ct)).ToLookup(p => p.AccountId);
        var checkIns = (await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.AccountId) && c.Date >= since).OrderBy(c => c.Date).ToListAsync(ct)).ToLookup(c => c.AccountId);
        var logs = (await db.ExerciseLogs.AsNoTracking().Where(l => ids.Contains(l.AccountId) && l.Date >= since).OrderBy(l => l.Date).ToListAsync(ct)).ToLookup(l => l.AccountId);
        // The §7 caps look back to the start of a return spell (SportLoad): narrow rows, as PatientHistory.LoadSinceAsync reads them.
        var sport = (await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.AccountId)).OrderBy(c => c.Date)
            .Select(c => new { c.AccountId, c.Date, c.SportMinutes, c.Flare }).ToListAsync(ct)).ToLookup(c => c.AccountId);

        var details = new Dictionary<string, CaseloadDetail>();
        foreach (var (id, today) in patients)
        {
            if (profiles.FirstOrDefault(p => p.AccountId == id) is not { OnboardedAtUtc: not null } profile) continue;
            var history = new PatientHistory
            {
                Profile = profile,
                CheckIns = [.. checkIns[id]],
                Logs = [.. logs[id]],
                States = [.. states[id]],
                Doses = [.. doses[id]],
                Pauses = [.. pauses[id]],
                SportDays = [.. sport[id].Select(c => new SportDay(c.Date, c.SportMinutes.Values.Sum(), c.Flare))],
                Since = since,
            };
            var days = Enumerable.Range(1, CaseloadDetail.AdherenceDays).Select(n => today.AddDays(-n)).Reverse().ToArray();
            var adherence = AdherenceChart.Days(history, days, today);
            var load = SportLoad.For(history, today);
            var phase = history.StateRecordOn(today) is { } state ? history.SpellStart(today, p => p == state.Phase) : null;
            details[id] = new CaseloadDetail(phase is null ? null : today.DayNumber - phase.EffectiveOn.DayNumber + 1,
                adherence.Sum(d => d.Planned), adherence.Sum(d => d.Done), load.MinutesThisWeek, load.Allowance.CapMinutes);
        }
        return details;
    }
}
