using System.Net.Http.Headers;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>Issue 16: a clinician who reads Spanish gets the patient page and the program editor in Spanish.</summary>
public sealed class ClinicianSpanishTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task PatientPageAndProgramEditor_AcceptLanguageEs_AreSpanish()
    {
        MoveToMorning(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, "es-dr@example.com", "Dr Es");
        var patient = new FormClient(factory);
        var patientId = await OnboardAsync(factory, patient, "es-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, clinician.AccountId);
        clinician.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));

        var overview = await (await clinician.Http.GetAsync($"/clinician/patients/{patientId}")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", overview, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"h-phase\">Fase</h2>", overview, StringComparison.Ordinal);
        Assert.Contains(">Desvincular<span", overview, StringComparison.Ordinal);
        Assert.Contains(">Ejercicios propios</a>", overview, StringComparison.Ordinal); // the section names
        Assert.Contains("(desde el ", overview, StringComparison.Ordinal); // the phase reason, its words apart ("restore(since" was one)
        Assert.DoesNotContain("End the care", overview, StringComparison.Ordinal);

        var editor = await (await clinician.Http.GetAsync($"/clinician/patients/{patientId}/program")).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Cambiar el programa de ", editor, StringComparison.Ordinal);
        Assert.Contains(">Guardar el programa</button>", editor, StringComparison.Ordinal);
        Assert.Contains(">Recuperar</option>", editor, StringComparison.Ordinal); // the phase by its word, not its code
        Assert.DoesNotContain(">restore</option>", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the program", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("×", editor, StringComparison.Ordinal); // doses in words, not "2×15"
    }
}
