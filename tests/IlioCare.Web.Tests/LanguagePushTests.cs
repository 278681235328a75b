using System.Net;
using System.Text.Json;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Push messages in the reader's language (issue 16), decrypted as the browser would (the loopback push service):
/// a patient's reminder in the patient's, a clinician's alert in the clinician's — whoever's check-in raised it.
/// </summary>
public sealed class LanguagePushTests(PushFactory factory) : IClassFixture<PushFactory>
{
    /// <summary>Spanish words that would tell a lock screen's reader about someone's health (H202, as in English).</summary>
    private static readonly string[] SpanishHealthWords = ["dolor", "señal", "fiebre", "fase", "cadera", "médic", "lesión", "pausa"];

    private async Task<BrowserSubscription> DeviceAsync(HttpClient http)
    {
        var device = new BrowserSubscription($"{factory.PushService.Origin}/push/{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/v1/me/push-subscriptions", Json(device.Json))).StatusCode);
        return device;
    }

    private static async Task ChooseSpanishAsync(FormClient client) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account", "", [F("language", "es"), F("returnUrl", "/")], action: "/language")).StatusCode);

    private static string Words(JsonElement message) => message.GetProperty("title").GetString() + " " + message.GetProperty("body").GetString();

    [Fact]
    public async Task ASpanishPatientsSessionReminder_IsInSpanish_WithNoHealthDetail()
    {
        var (client, _, _) = await OnboardedPatientAsync(factory, "push-es@example.com");
        await ChooseSpanishAsync(client);
        var device = await DeviceAsync(client.Http);
        await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers());

        PushReminderTests.MoveToParis(factory, new TimeOnly(18, 30));
        await factory.RunRemindersAsync();
        var message = JsonDocument.Parse(device.Decrypt(Assert.Single(factory.PushService.To(device.Endpoint)))).RootElement;
        Assert.Equal("Es la hora de tu sesión de hoy. Abre IlioCare para empezar.", message.GetProperty("body").GetString());
        Assert.All(SpanishHealthWords, w => Assert.DoesNotContain(w, Words(message), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AClinicianAlert_IsInTheCliniciansLanguage_NotThePatients()
    {
        var (patient, patientId, _) = await OnboardedPatientAsync(factory, "push-alert-en@example.com"); // English
        var doctor = await Staff.SignInClinicianAsync(factory, "push-alert-dr-es@example.com", "Dra Ruiz");
        await Clinicians.LinkAsync(factory, patientId, doctor.AccountId);
        await doctor.Client.PostFormAsync("/reminders", "clinician-alerts", [F("Alerts.Emails", "false"), F("Alerts.Push", "true")]);
        await ChooseSpanishAsync(doctor.Client);
        var device = await DeviceAsync(doctor.Http);

        await CheckInPatients.CheckInAsync(patient, CheckInPatients.Answers(sign: "fever"));
        await factory.RunRemindersAsync();
        var message = JsonDocument.Parse(device.Decrypt(Assert.Single(factory.PushService.To(device.Endpoint)))).RootElement;
        Assert.Equal("Uno de tus pacientes necesita atención.", message.GetProperty("body").GetString());
        Assert.All(SpanishHealthWords, w => Assert.DoesNotContain(w, Words(message), StringComparison.OrdinalIgnoreCase));
    }
}
