using IlioCare.Clinical.Caseload;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>F13 caseload on the real database: alerts from stored check-ins, the order, acknowledgements, the audit.</summary>
public sealed class CaseloadTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private Task<bool> AcknowledgeAsync(string clinicianId, string patientId, Alert alert) =>
        factory.InDatabaseAsync(db => CaseloadHandler.AcknowledgeAsync(db, factory.Services.GetRequiredService<AuditTrail>(),
            clinicianId, patientId, alert.Kind, alert.EvidenceKey, factory.Clock.GetUtcNow().UtcDateTime, default));

    [Fact]
    public async Task Caseload_WarningSignAndSeverePain_SortedByNeed_AcknowledgedDropsDown_NewEvidenceRises()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "order-clinician@example.com", "Dr Order");
        var fine = new FormClient(factory);
        var fineId = await OnboardAsync(factory, fine, "order-fine@example.com");
        var pain = new FormClient(factory);
        var painId = await OnboardAsync(factory, pain, "order-pain@example.com");
        var sign = new FormClient(factory);
        var signId = await OnboardAsync(factory, sign, "order-sign@example.com");
        foreach (var id in new[] { fineId, painId, signId }) await Clinicians.LinkAsync(factory, id, clinician);
        await CheckInAsync(fine, Answers(painNow: 1));
        await CheckInAsync(pain, Answers(painMorning: 6, painNow: 8));
        await CheckInAsync(sign, Answers(sign: "fever"));

        var rows = await Clinicians.CaseloadAsync(factory, clinician);

        Assert.Equal([signId, painId, fineId], rows.Select(r => r.PatientId));
        var warning = Assert.Single(rows[0].Alerts, a => a.Alert.Kind == AlertKind.WarningSign).Alert;
        Assert.Equal($"Fever reported on {CaseloadAlerts.Day(Today(factory))}", warning.Reason);
        Assert.True(rows[0].Paused);
        Assert.Contains(rows[1].Alerts, a => a.Alert.Kind == AlertKind.SeverePain && a.Alert.Reason.StartsWith("Pain 8 out of 10", StringComparison.Ordinal));
        Assert.Empty(rows[2].Alerts);
        Assert.Equal(("Pat order-fine", "order-fine@example.com"), (rows[2].Name, rows[2].Email)); // issue 18: the name first, the address second

        // Acknowledged: the warning sign drops below the unacknowledged pain, above the patient without alerts.
        Assert.True(await AcknowledgeAsync(clinician, signId, warning));
        rows = await Clinicians.CaseloadAsync(factory, clinician);
        Assert.Equal([painId, signId, fineId], rows.Select(r => r.PatientId));
        Assert.True(Assert.Single(rows[1].Alerts, a => a.Alert.Kind == AlertKind.WarningSign).Acknowledged);
        var ack = await factory.InDatabaseAsync(db => db.AlertAcknowledgements.SingleAsync(a => a.PatientId == signId));
        Assert.Equal((clinician, AlertKind.WarningSign, warning.EvidenceKey), (ack.ClinicianId, ack.Kind, ack.EvidenceKey));

        // Something new (the check-in saved again with another sign): the alert rises again.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await CheckInAsync(sign, Answers(sign: "chills"));
        rows = await Clinicians.CaseloadAsync(factory, clinician);
        Assert.Equal(signId, rows[0].PatientId);
        Assert.False(Assert.Single(rows[0].Alerts, a => a.Alert.Kind == AlertKind.WarningSign).Acknowledged);
    }

    [Fact]
    public async Task Caseload_ShowsOnlyLinkedPatients_AndAuditsEveryPatientShown()
    {
        var clinician = await Clinicians.CreateAsync(factory, "audit-clinician@example.com", "Dr Audit");
        var other = await Clinicians.CreateAsync(factory, "audit-other@example.com", "Dr Other");
        var linkedId = await OnboardAsync(factory, new FormClient(factory), "audit-linked@example.com");
        var otherId = await OnboardAsync(factory, new FormClient(factory), "audit-unlinked@example.com");
        await Clinicians.LinkAsync(factory, linkedId, clinician);
        await Clinicians.LinkAsync(factory, otherId, other);

        var rows = await Clinicians.CaseloadAsync(factory, clinician);

        Assert.Equal([linkedId], rows.Select(r => r.PatientId));
        var audit = await Clinicians.AuditAsync(factory, clinician, AuditAction.ReadCaseload);
        Assert.Equal([Clinicians.Pseudonym(factory, linkedId)], audit.Select(e => e.Subject));
        // Acknowledging for a patient the clinician does not follow is refused and stores nothing.
        Assert.False(await AcknowledgeAsync(clinician, otherId, new Alert(AlertKind.MissedCheckIn, "", "missed:none", default)));
        Assert.False(await factory.InDatabaseAsync(db => db.AlertAcknowledgements.AnyAsync(a => a.PatientId == otherId)));
    }

    [Fact]
    public async Task Caseload_EndedLink_PatientLeavesTheCaseload()
    {
        var clinician = await Clinicians.CreateAsync(factory, "ended-clinician@example.com", "Dr Ended");
        var patientId = await OnboardAsync(factory, new FormClient(factory), "ended-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician);
        Assert.Single(await Clinicians.CaseloadAsync(factory, clinician));

        await factory.InDatabaseAsync(db => db.CareLinks.Where(l => l.PatientId == patientId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.EndedAtUtc, DateTime.UtcNow).SetProperty(l => l.EndReason, LinkEnd.Discharged)));

        Assert.Empty(await Clinicians.CaseloadAsync(factory, clinician));
    }

    [Fact]
    public async Task Caseload_StopAndMissedCheckIn_FromStoredRows()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "stop-clinician@example.com", "Dr Stop");
        var client = new FormClient(factory);
        var patientId = await OnboardAsync(factory, client, "stop-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician);
        await CheckInAsync(client, Answers());
        var day = Today(factory);
        var logId = await factory.InDatabaseAsync(async db =>
        {
            var log = new ExerciseLogRecord
            {
                AccountId = patientId, Date = day, Exercise = IlioCare.Clinical.Catalogue.ExerciseId.StraightLegRaise, StoppedForPain = true,
                PainBefore = 2, PainDuring = 5, RecordedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.ExerciseLogs.Add(log);
            await db.SaveChangesAsync();
            return log.Id;
        });
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var row = Assert.Single(await Clinicians.CaseloadAsync(factory, clinician));

        Assert.Equal([AlertKind.Stop, AlertKind.MissedCheckIn], row.Alerts.Select(a => a.Alert.Kind));
        Assert.Equal($"stop:{logId}", row.Alerts[0].Alert.EvidenceKey);
        Assert.Equal($"Stopped straight leg raise: pain went up ({CaseloadAlerts.Day(day)})", row.Alerts[0].Alert.Reason);
        Assert.Equal($"No check-in since {CaseloadAlerts.Day(day)}", row.Alerts[1].Alert.Reason);
    }
}
