using System.Net;
using System.Net.Http.Headers;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

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

    /// <summary>
    /// H323, H324: who changed the program and what, and a custom exercise's rule messages, are worded in the
    /// clinician's language from their parts and codes (they were English sentences on a Spanish page).
    /// </summary>
    [Fact]
    public async Task ConflictAndCustomExerciseMessages_InSpanish()
    {
        MoveToMorning(factory);
        var first = await Staff.SignInClinicianAsync(factory, "es-conflict-1@example.com", "Dr Uno");
        var second = await Staff.SignInClinicianAsync(factory, "es-conflict-2@example.com", "Dr Dos");
        var patientId = await OnboardAsync(factory, new FormClient(factory), "es-conflict-patient@example.com");
        await Clinicians.LinkAsync(factory, patientId, first.AccountId);
        await Clinicians.LinkAsync(factory, patientId, second.AccountId);
        second.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var page = $"/clinician/patients/{patientId}/program";

        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.PostFormAsync(page, "program", Fields("restore", "2x20-light"))).StatusCode);
        var late = await second.Client.PostFormAsync(page, "program", Fields("settle", "3x20-heavy"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.Contains("No se guardó nada: Dr Uno cambió este programa a las ", html, StringComparison.Ordinal);
        Assert.Contains("Elevación de pierna estirada: 2 series de 20, banda suave (sube)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("this program was changed by", html, StringComparison.Ordinal);

        var bad = await second.Client.PostFormAsync($"/clinician/patients/{patientId}/exercises", "custom-new",
            [F("Form.Version", "1"), F("Form.Name", ""), F("Form.Steps", "Paso"), F("Form.SafetyNote", "Cuidado"), F("Form.DoseType", "repetitions"),
             F("Form.Sets", "99"), F("Form.Reps", "8"), F("Form.Sides", "each-side"), F("Form.Frequency", "daily")]);
        var errors = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("no puede quedar vacío", errors, StringComparison.Ordinal);
        Assert.Contains("debe ser un número entero de 1 a 10", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("must be", errors, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] Fields(string phase, string slr) =>
    [
        F("Form.Version", "0"), F("Form.Phase", phase), F("Form.PainRule", "monitoring"),
        F("Form.Dose[straight-leg-raise]", slr), F("Form.Dose[seated-marching]", "2x15-none"), F("Form.Dose[standing-band-hip-flexion]", "2x15-none"),
        F("Form.Dose[lying-hip-rotation]", "10x0"), F("Form.Dose[butterfly-stretch]", "3x20"), F("Form.Dose[side-kick]", "10x0"),
        F("Form.Dose[hip-raise]", "10x0"), F("Form.Dose[leg-raise]", "10x0"), F("Form.Note", ""),
    ];
}
