using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Resources;
using IlioCare.Clinical.Assessment;
using IlioCare.Web.Features.Assessment;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: the safety journey in Spanish — assessment → result (emergency, urgent), then a check-in with a warning
/// sign → paused page → resume page — asked for with <c>Accept-Language: es</c>. The safety words are the Spanish
/// ones, with the configured emergency number as a dial link, and none of these pages' English sentences remains.
/// </summary>
public sealed class SpanishSafetyJourneyTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Dial112 = "<a href=\"tel:112\">112</a>";

    [Fact]
    public async Task Assessment_InSpanish_EmergencyAndUrgentResults_SaySoInSpanish_WithTheNumber()
    {
        var client = Spanish(new FormClient(factory));

        var form = await Html(client, "/assessment");
        Assert.Contains("<html lang=\"es\"", form, StringComparison.Ordinal);
        Assert.Contains("¿Es grave? Autoevaluación", form, StringComparison.Ordinal);
        // A warning-sign question, word for word.
        Assert.Contains("Entumecimiento entre las piernas o alrededor del trasero, donde te sentarías en el sillín de una bici", form, StringComparison.Ordinal);
        Assert.Contains("Problemas nuevos para controlar la orina o las heces", form, StringComparison.Ordinal);
        NoEnglish(form, "Features.Assessment.AssessmentPage", "Features.Assessment.AssessmentLabels");

        // The error summary names the question in Spanish, never the field id.
        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync("/assessment", "assessment", [F("Form.Age", "abc")])).Content.ReadAsStringAsync());
        Assert.Contains("Edad: Escribe tu edad en años, un número entero de 10 a 110.", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("age:", bad, StringComparison.Ordinal);
        NoEnglish(bad, "Features.Assessment.AssessmentPage", "Features.Assessment.AssessmentLabels");

        var emergency = await ResultAsync(client, "saddle-numbness");
        Assert.Contains("Ve a urgencias ahora", emergency, StringComparison.Ordinal);
        Assert.Contains($"Llama ahora al {Dial112} o ve ahora a urgencias del hospital más cercano.", emergency, StringComparison.Ordinal);
        Assert.Contains("No conduzcas tú. Pide a alguien que te lleve o llama para pedir ayuda.", emergency, StringComparison.Ordinal);
        Assert.Contains("No hagas ninguno de los ejercicios.", emergency, StringComparison.Ordinal);
        Assert.Contains("En una emergencia, llama al 112.", emergency, StringComparison.Ordinal);
        NoEnglish(emergency, "Features.Assessment.AssessmentResultPage");

        var urgent = await ResultAsync(client, "fever");
        Assert.Contains("Ve a un médico en las próximas 24 horas", urgent, StringComparison.Ordinal);
        Assert.Contains("Contacta hoy con un médico: tu médico de familia, un servicio de guardia o un centro de urgencias.", urgent, StringComparison.Ordinal);
        Assert.Contains("No hagas ejercicios con la cadera hasta que te la revise un médico.", urgent, StringComparison.Ordinal);
        Assert.Contains($"Si empeora mucho, o no puedes estar de pie, llama al {Dial112}.", urgent, StringComparison.Ordinal);
        NoEnglish(urgent, "Features.Assessment.AssessmentResultPage");
    }

    [Fact]
    public async Task CheckIn_WithAWarningSign_InSpanish_PausesAndThePausedAndResumePagesAreSpanish()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, "senal@example.com");
        await SpanishReader.ChooseAsync(client);
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var checkIn = await Html(client, "/check-in");
        Assert.Contains("Registro diario", checkIn, StringComparison.Ordinal);
        Assert.Contains("Fiebre (38 °C o más)", checkIn, StringComparison.Ordinal);
        Assert.Contains("Una caída, un golpe o un accidente", checkIn, StringComparison.Ordinal);
        // The advice check-in.js shows the moment a sign is ticked is on the page already, in Spanish.
        Assert.Contains($"Llama al {Dial112} o ve a urgencias del hospital más cercano. No conduzcas tú.", checkIn, StringComparison.Ordinal);
        Assert.Contains("Deja de hacer tus ejercicios ahora", checkIn, StringComparison.Ordinal);
        // The day as a Spanish reader says it (culture data on), not an invariant English date.
        var today = Today(factory).ToString("dddd d 'de' MMMM", CultureInfo.GetCultureInfo("es"));
        Assert.Contains($"Para el {today}.", checkIn, StringComparison.Ordinal);
        // The offline line's words for offline.js.
        Assert.Contains("data-offline-many=\"Sin conexión: {0} respuestas están guardadas en este teléfono", checkIn, StringComparison.Ordinal);
        NoEnglish(checkIn, "Features.CheckIn.CheckInPage", "Features.Assessment.AssessmentLabels", "Features.CheckIn.SportCap", "Features.Offline.OfflineWords");

        // Bad answers: the summary names the questions in Spanish.
        var bad = WebUtility.HtmlDecode(await (await CheckInAsync(client, [F("Form.PainMorning", "12")])).Content.ReadAsStringAsync());
        Assert.Contains("Dolor esta mañana: Elige tu dolor de esta mañana, de 0 (nada) a 10.", bad, StringComparison.Ordinal);
        Assert.Contains("Señales de alarma: Marca cada señal nueva desde tu último registro, o marca «Ninguna de estas».", bad, StringComparison.Ordinal);
        NoEnglish(bad, "Features.CheckIn.CheckInForm");

        var response = await CheckInAsync(client, Answers(sign: "fever"));
        Assert.Equal("/program/paused", PathOf(response));
        var paused = WebUtility.HtmlDecode(await (await client.FollowAsync(response)).Content.ReadAsStringAsync());
        Assert.Contains(">Ve a un médico en las próximas 24 horas</h1>", paused, StringComparison.Ordinal);
        Assert.Contains("Contacta hoy con un médico", paused, StringComparison.Ordinal);
        Assert.Contains($"Si empeora mucho, o no puedes estar de pie, llama al {Dial112}.", paused, StringComparison.Ordinal);
        Assert.Contains("Tu programa está en pausa", paused, StringComparison.Ordinal);
        Assert.Contains("Reanudar el programa", paused, StringComparison.Ordinal);
        NoEnglish(paused, "Features.CheckIn.PausedPage");

        var resume = await Html(client, "/program/resume");
        Assert.Contains("Volver a empezar tras una señal de alarma", resume, StringComparison.Ordinal);
        Assert.Contains("Un médico ha revisado la señal de alarma", resume, StringComparison.Ordinal);
        NoEnglish(resume, "Features.CheckIn.ResumePage");
        var refused = WebUtility.HtmlDecode(await (await client.PostFormAsync("/program/resume", "resume", [])).Content.ReadAsStringAsync());
        Assert.Contains("Nueva autoevaluación: Primero haz una nueva autoevaluación. No debe mostrar señales de alarma.", refused, StringComparison.Ordinal);
        Assert.Contains("La revisión de tu médico: Marca esto cuando un médico haya revisado la señal de alarma.", refused, StringComparison.Ordinal);
        NoEnglish(refused, "Features.CheckIn.ResumePage");
    }

    /// <summary>The English keys of the warning-sign questions are the clinical wording itself, so the two cannot drift.</summary>
    [Fact]
    public void WarningSignQuestions_InEnglish_AreTheClinicalQuestions()
    {
        foreach (var sign in Enum.GetValues<WarningSign>())
            Assert.Equal(WarningSigns.Question(sign), AssessmentLabels.Question(sign, AssessmentLabels.English));
    }

    private static FormClient Spanish(FormClient client)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        return client;
    }

    private static async Task<string> Html(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ResultAsync(FormClient client, string sign)
    {
        var answers = Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns").Append(F("Form.Flags", sign)).ToArray();
        return await Html(client, await Patients.TakeAssessmentAsync(client, answers));
    }

    /// <summary>
    /// No English sentence of these pages is left: every English key of their resources (of three words or more,
    /// a placeholder splitting a key into its parts) must be absent, unless the Spanish happens to say the same.
    /// </summary>
    private static void NoEnglish(string html, params string[] resources)
    {
        foreach (var resource in resources)
        {
            var set = new ResourceManager($"IlioCare.Web.Resources.{resource}", typeof(Program).Assembly)
                .GetResourceSet(CultureInfo.GetCultureInfo("es"), createIfNotExists: true, tryParents: false);
            Assert.NotNull(set);
            var count = 0;
            foreach (DictionaryEntry entry in set)
            {
                var (english, spanish) = ((string)entry.Key, (string)entry.Value!);
                count++;
                if (english == spanish) continue;
                foreach (var part in System.Text.RegularExpressions.Regex.Split(english, @"\{\d\}"))
                {
                    var words = part.Trim(' ', ',', '.', ':', '(', ')');
                    if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
                        Assert.False(html.Contains(words, StringComparison.Ordinal), $"English left on a Spanish page ({resource}): \"{words}\"");
                }
            }
            Assert.True(count > 3, $"the Spanish resources of {resource} were not found");
        }
    }
}
