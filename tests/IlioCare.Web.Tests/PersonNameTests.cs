using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace IlioCare.Web.Tests;

/// <summary>Issue 18: the name and date of birth given at sign-up appear wherever a person is named.</summary>
public sealed class PersonNameTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task NameAndDateOfBirth_AppearOnTheCaseload_ThePatientPage_TheSummary_Fhir_AndTheExport()
    {
        var patient = new FormClient(factory);
        var assessment = (await Patients.TakeAssessmentAsync(patient)).Split('/').Last(); // sex is not asked by OveruseAnswers
        await Patients.SignUpAsync(patient, "named@example.com", assessment, age: 40, name: "Inês Duarte");
        await Patients.ConfirmEmailAsync(factory, "named@example.com");
        var patientId = await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "named@example.com").Select(u => u.Id).SingleAsync());
        var born = DateOnly.ParseExact(Patients.BornYearsAgo(40), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var clinician = await Staff.SignInClinicianAsync(factory, name: "Dr Names");
        await CareTeam.LinkAsync(patient, clinician.Client);

        var caseload = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync("/clinician")).Content.ReadAsStringAsync());
        var name = caseload.IndexOf("Inês Duarte", StringComparison.Ordinal);
        Assert.True(name >= 0 && name < caseload.IndexOf("named@example.com", StringComparison.Ordinal), "name first, e-mail second");
        var page = WebUtility.HtmlDecode(await (await clinician.Client.GetAsync($"/clinician/patients/{patientId}")).Content.ReadAsStringAsync());
        Assert.Contains("<h1>Inês Duarte</h1>", page, StringComparison.Ordinal);
        Assert.Contains("named@example.com", page, StringComparison.Ordinal);

        var summary = WebUtility.HtmlDecode(await (await patient.GetAsync("/summary")).Content.ReadAsStringAsync());
        Assert.Contains("Inês Duarte", summary, StringComparison.Ordinal);
        Assert.Contains("Age at sign-up: 40", summary, StringComparison.Ordinal); // computed from the date of birth

        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await (await patient.GetAsync("/account/export/fhir")).Content.ReadAsStringAsync());
        var fhirPatient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
        Assert.Equal("Inês Duarte", Assert.Single(fhirPatient.Name).Text);
        Assert.Equal(born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), fhirPatient.BirthDate);

        using var export = JsonDocument.Parse(await (await patient.GetAsync("/account/export")).Content.ReadAsStringAsync());
        Assert.Equal("Inês Duarte", export.RootElement.GetProperty("account").GetProperty("name").GetString());
    }

    [Fact]
    public async Task FhirPatient_GenderComesFromTheLatestAssessmentsSex()
    {
        var patient = new FormClient(factory);
        var answers = Patients.OveruseAnswers(FormClient.F("Form.Sex", "female"));
        var assessment = (await Patients.TakeAssessmentAsync(patient, answers)).Split('/').Last();
        await Patients.SignUpAsync(patient, "gender@example.com", assessment);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await (await patient.GetAsync("/account/export/fhir")).Content.ReadAsStringAsync());
        Assert.Equal(AdministrativeGender.Female, bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single().Gender);
    }

    [Fact]
    public async Task UnconfirmedAddress_CannotMakeACodeForAClinician_UntilConfirmed()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "unconfirmed@example.com");
        var banner = WebUtility.HtmlDecode(await (await patient.GetAsync("/today")).Content.ReadAsStringAsync());
        Assert.Contains("Please confirm your e-mail address", banner, StringComparison.Ordinal);
        var api = await patient.Http.PostAsync("/api/v1/me/invites", ApiClients.Json("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var page = WebUtility.HtmlDecode(await (await patient.PostFormAsync("/care", "make-invite", [])).Content.ReadAsStringAsync());
        Assert.Contains("Please confirm your e-mail address first", page, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.LinkInvites.AnyAsync(i => i.PatientId == db.Users.Single(u => u.Email == "unconfirmed@example.com").Id)));

        await Patients.ConfirmEmailAsync(factory, "unconfirmed@example.com");
        Assert.Equal(HttpStatusCode.Created, (await patient.Http.PostAsync("/api/v1/me/invites", ApiClients.Json("{}"))).StatusCode);
        Assert.DoesNotContain("Please confirm your e-mail address", await (await patient.GetAsync("/today")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigratedPatient_IsCalledByTheirAddress_AndPromptedOnce()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "migrated@example.com");
        // As the PersonName migration leaves a patient who signed up before names were asked.
        await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "migrated@example.com")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, u => u.Email).SetProperty(u => u.NamePromptPending, true)));
        var today = WebUtility.HtmlDecode(await (await patient.GetAsync("/today")).Content.ReadAsStringAsync());
        Assert.Contains("Your clinician sees you as", today, StringComparison.Ordinal);
        var kept = await patient.PostFormAsync("/today", "keep-name", []);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.DoesNotContain("Your clinician sees you as", await (await patient.GetAsync("/today")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "migrated@example.com").Select(u => u.NamePromptPending).SingleAsync()));
    }
}
