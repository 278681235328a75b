using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Today;
using IlioCare.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>One patient on the caseload (F13): who, where in the program, and why they need attention.</summary>
public sealed record CaseloadRow(string PatientId, string Name, Phase? Phase, bool Paused, DateOnly? LastCheckIn, DateOnly Today,
    IReadOnlyList<AlertStatus> Alerts)
{
    /// <summary>Shown second, under the name (issue 18): two patients may share a name, never an address.</summary>
    public string? Email { get; init; }
    /// <summary>Pain now in the latest check-in (issue 15), null without one.</summary>
    public int? PainNow { get; init; }
    /// <summary>Morning pain of each of the last <see cref="CaseloadHandler.SparklineDays"/> days, oldest first; null on a day without a check-in.</summary>
    public IReadOnlyList<int?> MorningPain { get; init; } = [];
    /// <summary>A holiday or illness pause (F8) covers today.</summary>
    public bool OnHolidayPause { get; init; }
    /// <summary>Only for the rows of the page shown (<see cref="CaseloadDetails"/>).</summary>
    public CaseloadDetail? Detail { get; init; }
    /// <summary>Set only in the "discharged" view: the day this clinician discharged the patient (nothing else is shown).</summary>
    public DateOnly? DischargedOn { get; init; }
}

/// <summary>One page of the caseload: its rows, which page of how many, and how many patients in all.</summary>
public sealed record CaseloadSlice(IReadOnlyList<CaseloadRow> Rows, int Page, int PageCount, int Total)
{
    /// <summary>The query that made this page (its links keep the sort, filter and search).</summary>
    public CaseloadQuery Query { get; init; } = new();
}

/// <summary>
/// Reads the whole caseload of a clinician in a fixed handful of queries, whatever its size (issue 7 measures
/// 1000 patients): every query filters by the clinician's active links as a subquery, never per patient. The
/// rows become <see cref="PatientFacts"/>, the pure rule (<see cref="CaseloadAlerts"/>) computes the alerts and
/// <see cref="CaseloadOrder"/> sorts them. One page of <see cref="PageSize"/> is shown (issue 7: 1,000 patients made a
/// 680 KB page and 1,000 audit rows per view), and the read is audited (F15) with one entry per patient on that page:
/// the alerts of every patient are still computed, from a bounded window, because the order by need needs them all.
/// </summary>
internal static class CaseloadHandler
{
    /// <summary>Check-ins read back: the 7-day window plus room for the 3 check-ins before a flare (SPEC §4 mean).</summary>
    private const int LookBackDays = 40;

    /// <summary>Patients on one page: a screenful a clinician reads, sorted by need, so the urgent ones are always on page 1.</summary>
    public const int PageSize = 50;

    /// <summary>Issue 15: "a 14-day sparkline of morning pain" (today and the 13 days before).</summary>
    public const int SparklineDays = 14;

    /// <summary>The first page (the caseload page and API without a page number).</summary>
    public static async Task<IReadOnlyList<CaseloadRow>> LoadAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, TimeProvider clock, CancellationToken ct) =>
        (await LoadPageAsync(db, audit, clinicianId, 1, PageSize, clock, ct)).Rows;

    /// <summary>Page <paramref name="page"/> (1-based; past the last page gives the last) of <paramref name="pageSize"/> rows.</summary>
    public static Task<CaseloadSlice> LoadPageAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, int page, int pageSize,
        TimeProvider clock, CancellationToken ct) =>
        LoadPageAsync(db, audit, clinicianId, new CaseloadQuery(Page: page), pageSize, clock, ct);

    /// <summary>One page of the caseload as <paramref name="query"/> sorts, filters and searches it (issue 15).</summary>
    public static Task<CaseloadSlice> LoadPageAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, CaseloadQuery query, int pageSize,
        TimeProvider clock, CancellationToken ct) =>
        db.OnOneConnectionAsync(() => ReadPageAsync(db, audit, clinicianId, query, pageSize, clock, ct), ct); // issue 17

    private static async Task<CaseloadSlice> ReadPageAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, CaseloadQuery query, int pageSize,
        TimeProvider clock, CancellationToken ct)
    {
        var page = query.Page;
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (query.Filter == CaseloadFilter.Discharged) return await DischargedAsync(db, audit, clinicianId, query, pageSize, clock, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await RowsAsync(db, clinicianId, CareAccess.LinkedPatientIds(db, clinicianId), clock, ct);
        var sorted = query.Apply(rows);
        var pageCount = Math.Max(1, (sorted.Count + pageSize - 1) / pageSize);
        page = Math.Min(page, pageCount);
        var shown = sorted.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        var details = await CaseloadDetails.LoadAsync(db, shown.Select(r => (r.PatientId, r.Today)).ToArray(), ct);
        shown = [.. shown.Select(r => r with { Detail = details.GetValueOrDefault(r.PatientId) })];

        // F15: what the clinician saw — the patients on this page, not the whole caseload.
        await audit.RecordManyAsync(db, clinicianId, shown.Select(r => (string?)r.PatientId).ToArray(), AuditAction.ReadCaseload, null, now, ct);
        return new CaseloadSlice(shown, page, pageCount, sorted.Count) { Query = query with { Page = page } };
    }

    /// <summary>
    /// One linked patient's row, alerts included (the patient page's overview, issue 15); null when not linked. Not
    /// audited here: the page that shows it records its own read.
    /// </summary>
    public static async Task<CaseloadRow?> RowAsync(IlioCareDbContext db, string clinicianId, string patientId, TimeProvider clock, CancellationToken ct) =>
        (await RowsAsync(db, clinicianId, CareAccess.LinkedPatientIds(db, clinicianId).Where(id => id == patientId), clock, ct)).SingleOrDefault();

    /// <summary>The rows of the patients in <paramref name="linked"/> (a subquery of the clinician's active links), unsorted.</summary>
    private static async Task<IReadOnlyList<CaseloadRow>> RowsAsync(IlioCareDbContext db, string clinicianId, IQueryable<string> linked, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Every patient's "today" is within a day of UTC's: start the window one day earlier to be sure.
        var since = DateOnly.FromDateTime(now).AddDays(-LookBackDays - 1);

        var patients = await (from u in db.Users
                              join p in db.PatientProfiles on u.Id equals p.AccountId
                              where linked.Contains(u.Id)
                              select new { u.Id, u.DisplayName, u.Email, p.TimeZoneId, p.OnboardedAtUtc }).AsNoTracking().ToListAsync(ct);
        var latest = await db.CheckIns.AsNoTracking().Where(c => linked.Contains(c.AccountId))
            .GroupBy(c => c.AccountId).Select(g => g.OrderByDescending(c => c.Date).First()).ToListAsync(ct);
        var recent = (await db.CheckIns.AsNoTracking().Where(c => linked.Contains(c.AccountId) && c.Date >= since).ToListAsync(ct))
            .ToLookup(c => c.AccountId);
        var states = (await db.ProgramStates.AsNoTracking().Where(s => linked.Contains(s.AccountId))
            .GroupBy(s => s.AccountId).Select(g => g.OrderByDescending(s => s.EffectiveOn).First()).ToListAsync(ct))
            .ToDictionary(s => s.AccountId);
        var stops = (await db.ExerciseLogs.AsNoTracking().Where(l => linked.Contains(l.AccountId) && l.StoppedForPain && l.Date >= since)
            .Select(l => new { l.Id, l.AccountId, l.Date, l.Exercise }).ToListAsync(ct)).ToLookup(l => l.AccountId);
        // Issue 15: a stop or a pain rise on a clinician's own exercise shows as a stop, by the name the clinician gave it.
        var customStops = (await (from l in db.CustomExerciseLogs.AsNoTracking()
                                  join e in db.CustomExercises on l.CustomExerciseId equals e.Id
                                  where linked.Contains(l.AccountId) && (l.StoppedForPain || l.PainRose) && l.Date >= since
                                  select new { l.Id, l.AccountId, l.Date, e.Name }).ToListAsync(ct)).ToLookup(l => l.AccountId);
        var pauses = (await db.Pauses.AsNoTracking().Where(p => linked.Contains(p.AccountId) && (p.EndedOn == null || p.EndedOn >= since))
            .ToListAsync(ct)).ToLookup(p => p.AccountId);
        var acknowledged = (await db.AlertAcknowledgements.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && linked.Contains(a.PatientId))
            .Select(a => new { a.PatientId, a.Kind, a.EvidenceKey }).ToListAsync(ct))
            .Select(a => (a.PatientId, a.Kind, a.EvidenceKey)).ToHashSet();
        var latestById = latest.ToDictionary(c => c.AccountId);

        // In id order first: the sort is stable, so patients tied on need and name keep one order from page to page.
        return patients.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(p.TimeZoneId);
            var today = PatientToday.Date(clock, p.TimeZoneId);
            var state = states.GetValueOrDefault(p.Id);
            var stopsOf = stops[p.Id].Select(s => new StopFact(s.Id, s.Date, s.Exercise))
                .Concat(customStops[p.Id].Select(s => StopFact.Custom(s.Id, s.Date, s.Name))).ToArray();
            var records = recent[p.Id].Append(latestById.GetValueOrDefault(p.Id)).OfType<CheckInRecord>().DistinctBy(c => c.Date).ToArray();
            // Only the signs no resume has covered (F3): after a resume the caseload agrees with the patient's pages.
            var checkIns = records
                .Select(c => new CheckInFact(c.Date, c.PainNow, [.. WarningSignPause.OpenSigns(c)], c.Flare, c.UpdatedAtUtc, stopsOf.Count(s => s.Date == c.Date)))
                .ToArray();
            var paused = WarningSignPause.IsPaused(state, records.FirstOrDefault(c => c.Date == today));
            var facts = new PatientFacts
            {
                Today = today,
                CheckIns = checkIns,
                PausedForWarningSign = paused,
                StateSince = state?.EffectiveOn,
                Stops = stopsOf,
                ProgramStart = p.OnboardedAtUtc is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone)) : null,
                OnPause = pauses[p.Id].Any(x => x.Covers(today) || x.Covers(today.AddDays(-1))),
            };
            var alerts = CaseloadAlerts.Compute(facts)
                .Select(a => new AlertStatus(a, acknowledged.Contains((p.Id, a.Kind, a.EvidenceKey)))).ToArray();
            var morning = records.ToDictionary(c => c.Date, c => c.PainMorning);
            return new CaseloadRow(p.Id, NameOf(p.DisplayName, p.Email), state?.Phase, paused,
                latestById.GetValueOrDefault(p.Id)?.Date, today, alerts)
            {
                Email = p.Email,
                PainNow = latestById.GetValueOrDefault(p.Id)?.PainNow,
                MorningPain = [.. Enumerable.Range(0, SparklineDays).Select(n => today.AddDays(n + 1 - SparklineDays))
                    .Select(d => morning.TryGetValue(d, out var pain) ? pain : (int?)null)],
                OnHolidayPause = pauses[p.Id].Any(x => x.Covers(today)),
            };
        }).ToArray();
    }

    /// <summary>
    /// The patients this clinician discharged and no longer follows (issue 15 filter "discharged"): name, e-mail and the
    /// day only — the link has ended, so nothing of their health is read (F15: only an active link gives access).
    /// </summary>
    private static async Task<CaseloadSlice> DischargedAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, CaseloadQuery query, int pageSize,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var linked = CareAccess.LinkedPatientIds(db, clinicianId);
        var ended = await (from l in db.CareLinks
                           join u in db.Users on l.PatientId equals u.Id
                           where l.ClinicianId == clinicianId && l.EndReason == LinkEnd.Discharged && !linked.Contains(l.PatientId)
                           select new { u.Id, u.DisplayName, u.Email, l.EndedAtUtc }).AsNoTracking().ToListAsync(ct);
        var today = DateOnly.FromDateTime(now);
        var rows = ended.GroupBy(e => e.Id).Select(g => g.OrderByDescending(e => e.EndedAtUtc).First())
            .Select(e => new CaseloadRow(e.Id, NameOf(e.DisplayName, e.Email), null, false, null, today, [])
            {
                Email = e.Email, DischargedOn = e.EndedAtUtc is { } at ? DateOnly.FromDateTime(at) : null,
            });
        var sorted = (query with { Filter = CaseloadFilter.All, Sort = query.Sort is CaseloadSort.Name ? CaseloadSort.Name : CaseloadSort.Need }).Apply(rows);
        // Newest discharge first unless sorted by name.
        if (query.Sort != CaseloadSort.Name) sorted = [.. sorted.OrderByDescending(r => r.DischargedOn).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
        var pageCount = Math.Max(1, (sorted.Count + pageSize - 1) / pageSize);
        var page = Math.Min(query.Page, pageCount);
        var shown = sorted.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        await audit.RecordManyAsync(db, clinicianId, shown.Select(r => (string?)r.PatientId).ToArray(), AuditAction.ReadCaseload, null, now, ct);
        return new CaseloadSlice(shown, page, pageCount, sorted.Count) { Query = query with { Page = page } };
    }

    /// <summary>What the clinician sees as the patient's name: the display name, else the e-mail address.</summary>
    public static string NameOf(string? displayName, string? email) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? "(no name)" : displayName;

    /// <summary>
    /// Acknowledges one alert's evidence for this clinician (F13): false when the patient is not linked (404).
    /// The acknowledgement and its audit row are one transaction; acknowledging twice is harmless.
    /// </summary>
    public static async Task<bool> AcknowledgeAsync(IlioCareDbContext db, AuditTrail audit, string clinicianId, string patientId,
        AlertKind kind, string evidenceKey, DateTime now, CancellationToken ct)
    {
        return await db.InTransactionAsync(async token =>
        {
            if (!await CareAccess.IsLinkedForWriteAsync(db, clinicianId, patientId, token)) return false; // unlinked meanwhile (H67)
            var exists = await db.AlertAcknowledgements.AnyAsync(a => a.ClinicianId == clinicianId && a.PatientId == patientId
                && a.Kind == kind && a.EvidenceKey == evidenceKey, token);
            if (exists) return true;
            db.AlertAcknowledgements.Add(new AlertAcknowledgement
            {
                ClinicianId = clinicianId, PatientId = patientId, Kind = kind, EvidenceKey = evidenceKey, AcknowledgedAtUtc = now,
            });
            await db.SaveChangesAsync(token);
            await audit.RecordAsync(db, clinicianId, patientId, AuditAction.AcknowledgeAlert,
                $"{IlioCare.Clinical.Contracts.WireName.Of(kind)} {evidenceKey}", now, token);
            return true;
        }, ct);
    }
}
