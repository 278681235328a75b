using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>Issue 15's caseload through the real page: sort, filter and search as GET parameters, and every alert kind in plain words.</summary>
public sealed class WorkspaceCaseloadTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private async Task<(StaffMember Clinician, string A, string B, string C)> ThreePatientsAsync(string name)
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, $"{name}-dr@example.com", $"Dr {name}");
        async Task<string> PatientAsync(string who, int? painNow)
        {
            var client = new FormClient(factory);
            var id = await OnboardAsync(factory, client, $"{name}-{who}@example.com");
            if (painNow is { } pain) await CheckInAsync(client, Answers(painMorning: pain, painNow: pain));
            await Clinicians.LinkAsync(factory, id, clinician.AccountId);
            return id;
        }
        // a ("Pat …-m"): pain 8, an alert; b ("Pat …-z"): pain 2; c ("Pat …-a"): never checked in (started today: no missed check-in yet).
        // The names sort c, a, b; pain a, b, c; need a first, then c and b by name: every order differs.
        var c = await PatientAsync("a", null);
        var a = await PatientAsync("m", 8);
        var b = await PatientAsync("z", 2);
        return (clinician, a, b, c);
    }

    private static async Task<string> PageAsync(StaffMember clinician, string query)
    {
        var response = await clinician.Client.GetAsync("/clinician" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The patients' rows in the order the page shows them (absent ones left out).</summary>
    private static string[] Order(string html, params (string Label, string Id)[] patients) =>
        [.. patients.Where(p => html.Contains($"id=\"patient-{p.Id}\"", StringComparison.Ordinal))
            .OrderBy(p => html.IndexOf($"id=\"patient-{p.Id}\"", StringComparison.Ordinal)).Select(p => p.Label)];

    [Fact]
    public async Task Caseload_SortedByNeedNamePainAndLastCheckIn_AsGetParameters()
    {
        var (clinician, a, b, c) = await ThreePatientsAsync("sort");
        (string, string)[] all = [("a", a), ("b", b), ("c", c)];

        Assert.Equal(["a", "c", "b"], Order(await PageAsync(clinician, ""), all)); // a's alert first, then by name
        Assert.Equal(["c", "a", "b"], Order(await PageAsync(clinician, "?sort=name"), all));
        Assert.Equal(["a", "b", "c"], Order(await PageAsync(clinician, "?sort=pain"), all));
        Assert.Equal("c", Order(await PageAsync(clinician, "?sort=last-check-in"), all)[0]); // none at all: the longest without
        // An unknown value is the default, never an error page.
        Assert.Equal("a", Order(await PageAsync(clinician, "?sort=nonsense&show=%3Cx%3E&page=x"), all)[0]);
    }

    [Fact]
    public async Task Caseload_Filters_AlertsPausedNotCheckedInDischarged_AndSearchByName()
    {
        var (clinician, a, b, c) = await ThreePatientsAsync("filter");
        (string, string)[] all = [("a", a), ("b", b), ("c", c)];
        var today = Today(factory);
        await factory.InDatabaseAsync(async db =>
        {
            db.Pauses.Add(new PauseRecord { AccountId = b, StartedOn = today, Reason = PauseReason.Holiday });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(["a"], Order(await PageAsync(clinician, "?show=alerts"), all));
        Assert.Equal(["b"], Order(await PageAsync(clinician, "?show=paused"), all));
        Assert.Equal(["c"], Order(await PageAsync(clinician, "?show=not-checked-in"), all));
        Assert.Equal(["b"], Order(await PageAsync(clinician, "?q=FILTER-Z"), all)); // any case, name or address
        Assert.Contains("No patient's name or e-mail address has those letters.", await PageAsync(clinician, "?q=zzz"), StringComparison.Ordinal);

        await factory.InDatabaseAsync(async db =>
        {
            var link = await db.CareLinks.SingleAsync(l => l.PatientId == c && l.ClinicianId == clinician.AccountId && l.EndedAtUtc == null);
            (link.EndedAtUtc, link.EndedBy, link.EndReason) = (factory.Clock.GetUtcNow().UtcDateTime, clinician.AccountId, LinkEnd.Discharged);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["a", "b"], Order(await PageAsync(clinician, "?sort=name"), all)); // c is gone from the caseload
        var gone = await PageAsync(clinician, "?show=discharged");
        Assert.Equal(["c"], Order(gone, all));
        Assert.DoesNotContain($"href=\"/clinician/patients/{c}", gone, StringComparison.Ordinal); // the link has ended: no patient page
    }

    [Fact]
    public async Task Caseload_EveryAlertKind_InPlainWords_WithTheNewColumns()
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, "words-dr@example.com", "Dr Words");
        var today = Today(factory);
        var day = IlioCare.Clinical.Caseload.AlertWords.Day(today);
        async Task<(FormClient Client, string Id)> PatientAsync(string who)
        {
            var client = new FormClient(factory);
            var id = await OnboardAsync(factory, client, $"words-{who}@example.com");
            await Clinicians.LinkAsync(factory, id, clinician.AccountId);
            return (client, id);
        }
        var sign = await PatientAsync("sign");
        await CheckInAsync(sign.Client, [.. Answers(sign: "fever"), F("Form.WarningSigns", "red-warm-skin")]);
        var pain = await PatientAsync("pain");
        await CheckInAsync(pain.Client, Answers(painMorning: 6, painNow: 8)); // pain 8: severe pain, and a flare (SPEC §4)
        var stop = await PatientAsync("stop");
        await CheckInAsync(stop.Client, Answers(painMorning: 2, painNow: 2));
        var missed = await PatientAsync("missed");
        await factory.InDatabaseAsync(async db =>
        {
            db.ExerciseLogs.Add(new ExerciseLogRecord
            {
                AccountId = stop.Id, Date = today, Exercise = ExerciseId.SideKick, Count = 4, HoldSeconds = 0, Completed = false, StoppedForPain = true,
                PainBefore = 2, PainDuring = 5, RecordedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            });
            // Onboarded 5 days ago and never checked in: a missed check-in.
            var profile = await db.PatientProfiles.SingleAsync(p => p.AccountId == missed.Id);
            profile.OnboardedAtUtc = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-5);
            return await db.SaveChangesAsync();
        });

        var html = await PageAsync(clinician, "");

        Assert.Contains($"Warning sign</span>: Fever and red, warm skin reported on {day}", html, StringComparison.Ordinal);
        Assert.Contains($"Pain 7 or more</span>: Pain 8 out of 10 on {day}", html, StringComparison.Ordinal);
        Assert.Contains($"Flare</span>: Flare on {day}: pain 8 out of 10", html, StringComparison.Ordinal);
        Assert.Contains($"Exercise stopped</span>: Stopped side kick: pain went up ({day})", html, StringComparison.Ordinal);
        Assert.Contains("Missed check-in</span>: No check-in yet (program started ", html, StringComparison.Ordinal);
        foreach (var code in new[] { "red-warm-skin", "side-kick", "severe-pain", "missed-check-in" })
            Assert.DoesNotContain(">" + code, html, StringComparison.Ordinal); // codes only in hidden form values, never as text
        // The new columns: the sparkline's text alternative, pain now, sport against this week's cap.
        Assert.Contains($"aria-label=\"Morning pain out of 10, ", html, StringComparison.Ordinal);
        Assert.Contains(": none, none, none, none, none, none, none, none, none, none, none, none, none, 6\"", html, StringComparison.Ordinal);
        // Every path of the sparkline is numbers only (a Razor slip once sent "H@Width" to the browser, a console error).
        Assert.Contains("class=\"spark-base\"", html, StringComparison.Ordinal);
        Assert.Matches(new System.Text.RegularExpressions.Regex("<path d=\"M0,[0-9.]+H84\" class=\"spark-base\""), html);
        Assert.Contains("8 / 10", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Sport this week\"", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Adherence (7 days)\"", html, StringComparison.Ordinal);
        // One audit row per patient on the page, for this one view (F15, as before).
        var rows = await Clinicians.AuditAsync(factory, clinician.AccountId, AuditAction.ReadCaseload);
        Assert.Equal(4, rows.Count);
    }
}
