using System.Text.Json;
using IlioCare.Web.Features.Reminders.Push;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Alerts that reach the clinician (issue 15): a linked clinician who asked for them gets "A patient of yours needs
/// attention" by e-mail and push when the patient reports a warning sign — once, with no health detail; one who did not
/// ask gets nothing.
/// </summary>
public sealed class ClinicianAlertTests(PushFactory factory) : IClassFixture<PushFactory>
{
    private async Task<BrowserSubscription> DeviceAsync(StaffMember clinician)
    {
        var device = new BrowserSubscription($"{factory.PushService.Origin}/push/{Guid.NewGuid():N}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await clinician.Http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
        return device;
    }

    [Fact]
    public async Task NewWarningSign_AlertsTheLinkedClinicianWhoOptedIn_ByMailAndPush_Once_WithNoHealthDetail()
    {
        var (patient, patientId, _) = await OnboardedPatientAsync(factory, "alert-patient@example.com");
        var doctor = await Staff.SignInClinicianAsync(factory, "alert-dr@example.com", "Dr Alert");
        var quiet = await Staff.SignInClinicianAsync(factory, "alert-quiet@example.com", "Dr Quiet");
        await Clinicians.LinkAsync(factory, patientId, doctor.AccountId);
        await Clinicians.LinkAsync(factory, patientId, quiet.AccountId);

        // The choice is made on /reminders (no JavaScript needed); the quiet clinician has a device but did not opt in.
        var page = await (await doctor.Client.GetAsync("/reminders")).Content.ReadAsStringAsync();
        Assert.Contains("Alerts about your patients", page, StringComparison.Ordinal);
        await doctor.Client.PostFormAsync("/reminders", "clinician-alerts", [F("Alerts.Emails", "true"), F("Alerts.Push", "true")]);
        var device = await DeviceAsync(doctor);
        var quietDevice = await DeviceAsync(quiet);

        await factory.RunRemindersAsync();
        Assert.Empty(factory.PushService.To(device.Endpoint)); // nothing to tell yet

        await CheckInPatients.CheckInAsync(patient, CheckInPatients.Answers(sign: "fever"));
        await factory.RunRemindersAsync();

        var push = Assert.Single(factory.PushService.To(device.Endpoint));
        BrowserSubscription.CheckVapid(push);
        var message = JsonDocument.Parse(device.Decrypt(push)).RootElement;
        Assert.Equal("A patient of yours needs attention.", message.GetProperty("body").GetString());
        Assert.Equal($"/clinician/patients/{patientId}", message.GetProperty("url").GetString());
        var words = message.GetProperty("title").GetString() + " " + message.GetProperty("body").GetString();
        Assert.All(PushReminderTests.HealthWords, w => Assert.DoesNotContain(w, words, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(factory.PushService.To(quietDevice.Endpoint));

        var mail = await factory.MailAsync("alert-dr@example.com", "A patient of yours needs attention.");
        Assert.NotNull(mail);
        Assert.Contains("Subject: A patient of yours needs attention", mail, StringComparison.Ordinal);
        Assert.Contains($"/clinician/patients/{patientId}", mail, StringComparison.Ordinal);
        foreach (var word in new[] { "fever", "warning", "pain", "alert-patient" })
            Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);

        // Another round, and another sign the same day: the alert has gone, it does not go again.
        await CheckInPatients.CheckInAsync(patient, CheckInPatients.Answers(sign: "chills"));
        await factory.RunRemindersAsync();
        Assert.Single(factory.PushService.To(device.Endpoint));
        Assert.Empty(factory.PushService.To(quietDevice.Endpoint));
    }
}
