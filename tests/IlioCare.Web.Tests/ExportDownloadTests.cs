using System.Net;
using System.Text;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using IlioCare.Interop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>F14 CSV downloads, and who may download what (F15: own data; a linked clinician, audited).</summary>
public sealed class ExportDownloadTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task CheckInsCsv_OneRowPerCheckIn_WithHeader_IsoDates_NoCache()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, "csv-check-ins@example.com");
        var day1 = Today(factory);
        await CheckInAsync(client, Answers(painMorning: 4, stiffness: 25, painNow: 3, running: 20));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(client, Answers(painMorning: 2, stiffness: 10, painNow: 1));

        var response = await client.GetAsync("/account/export/check-ins.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("date,pain_morning,stiffness_minutes,pain_now,warning_signs,sport_minutes,sport_minutes_by_activity,hop_test_pain_free,flare,updated_at_utc", lines[0]);
        // The first eight cells are what the patient entered; flare and the time are the app's.
        Assert.Equal($"{day1:yyyy-MM-dd},4,25,3,,20,running=20,", string.Join(',', lines[1].Split(',')[..8]));
        Assert.Equal($"{day1.AddDays(1):yyyy-MM-dd},2,10,1,,0,,", string.Join(',', lines[2].Split(',')[..8]));
        Assert.All(lines[1..], l => Assert.Matches(@",(true|false),\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", l));
    }

    [Fact]
    public async Task SessionsCsv_OneRowPerExerciseLog()
    {
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "csv-sessions@example.com");
        var day = Today(factory);
        await factory.InDatabaseAsync(async db =>
        {
            db.ExerciseLogs.Add(new ExerciseLogRecord
            {
                AccountId = id, Date = day, Exercise = ExerciseId.SeatedMarching, Sets = 2, Reps = 15, Resistance = Resistance.Light,
                Completed = true, PainBefore = 2, PainDuring = 3, RecordedAtUtc = new DateTime(2026, 11, 2, 17, 5, 0, DateTimeKind.Utc),
            });
            db.ExerciseLogs.Add(new ExerciseLogRecord
            {
                AccountId = id, Date = day, Exercise = ExerciseId.ButterflyStretch, Count = 5, HoldSeconds = 20, StoppedForPain = true,
                PainBefore = 2, PainDuring = 5, RecordedAtUtc = new DateTime(2026, 11, 2, 17, 0, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });

        var csv = await (await client.GetAsync("/api/v1/me/export/sessions.csv")).Content.ReadAsStringAsync();
        Assert.Equal(
            "date,exercise,sets,reps,resistance,count,hold_seconds,completed,stopped_for_pain,pain_before,pain_during,recorded_at_utc,done_count,planned_count,outcome,custom_exercise,minutes,pain_rose\r\n" +
            $"{day:yyyy-MM-dd},butterfly-stretch,,,,5,20,false,true,2,5,2026-11-02T17:00:00Z,,,stopped-for-pain,,,\r\n" +
            $"{day:yyyy-MM-dd},seated-marching,2,15,light,,,true,false,2,3,2026-11-02T17:05:00Z,,,done,,,\r\n",
            csv);
    }

    [Fact]
    public void Csv_FreeText_IsQuoted_AndFormulasAreEscaped()
    {
        var bytes = CsvExport.Write(["note"], [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2"], ["@SUM(A1)"], ["plain, with \"quotes\""], ["ok"]]);
        Assert.Equal(
            "note\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n\"'+1\"\r\n\"'-2\"\r\n\"'@SUM(A1)\"\r\n\"plain, with \"\"quotes\"\"\"\r\nok\r\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task AccountPage_LinksEveryDownload()
    {
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, "export-links@example.com");
        var html = await (await client.GetAsync("/account")).Content.ReadAsStringAsync();
        foreach (var url in new[] { "/account/export", "/account/export/fhir", "/account/export/check-ins.csv", "/account/export/sessions.csv" })
        {
            Assert.Contains($"href=\"{url}\"", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task OwnExport_SignedOut_IsRefused()
    {
        foreach (var url in new[] { "/account/export/fhir", "/account/export/check-ins.csv", "/api/v1/me/export/sessions.csv" })
            Assert.NotEqual(HttpStatusCode.OK, (await new FormClient(factory).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ClinicianExport_LinkedOnly_AndAudited()
    {
        var patient = new FormClient(factory);
        var patientId = await OnboardAsync(factory, patient, "export-linked-patient@example.com");
        var staffMember = await Staff.SignInClinicianAsync(factory, "export-clinician@example.com");
        var (clinician, clinicianId) = (staffMember.Client, staffMember.AccountId);
        var audit = factory.Services.GetRequiredService<AuditTrail>();
        int Reads(List<AuditEntry> log) => log.Count(e => e.Action == AuditAction.ReadExport && e.Subject == audit.Pseudonym(patientId) && e.Actor == audit.Pseudonym(clinicianId));

        // Not linked: 404 on every format and both URL families, and nothing read means nothing logged.
        foreach (var url in Urls(patientId))
            Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync(url)).StatusCode);
        Assert.Equal(0, Reads(await factory.InDatabaseAsync(db => db.AuditLog.ToListAsync())));

        await factory.InDatabaseAsync(async db =>
        {
            db.CareLinks.Add(new CareLink { PatientId = patientId, ClinicianId = clinicianId, LinkedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        foreach (var url in Urls(patientId))
        {
            var response = await clinician.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }
        var fhir = await (await clinician.GetAsync($"/clinician/patients/{patientId}/export/fhir")).Content.ReadAsStringAsync();
        Assert.Contains(patientId, fhir, StringComparison.Ordinal);
        Assert.Equal(Urls(patientId).Length + 1, Reads(await factory.InDatabaseAsync(db => db.AuditLog.ToListAsync())));
        Assert.True((await factory.InDatabaseAsync(db => audit.VerifyAsync(db, default))).IsIntact);

        // A patient is not a clinician, even for their own id.
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync($"/clinician/patients/{patientId}/export/fhir")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync($"/api/v1/patients/{patientId}/export/check-ins.csv")).StatusCode);
    }

    private static string[] Urls(string patientId) =>
    [
        $"/clinician/patients/{patientId}/export/fhir", $"/clinician/patients/{patientId}/export/check-ins.csv",
        $"/clinician/patients/{patientId}/export/sessions.csv", $"/api/v1/patients/{patientId}/export/fhir",
        $"/api/v1/patients/{patientId}/export/check-ins.csv", $"/api/v1/patients/{patientId}/export/sessions.csv",
    ];
}
