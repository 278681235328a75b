using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: Today, the session start, the player and the program page in Spanish (Accept-Language: es), and the
/// English pages with doses in our words (docs/words.md: "2 sets of 15, no band", never "2×15 none").
/// </summary>
public sealed class SpanishSessionPagesTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Band = "/today/session/standing-band-hip-flexion";

    [Fact]
    public async Task Spanish_Today_SessionStart_Player_AndProgram_AreInSpanish_WithSpanishDoses()
    {
        var patient = await ReadyAsync("es-today@example.com");
        await SpanishReader.ChooseAsync(patient.Client);

        var today = await patient.PageAsync("/today");
        Assert.Contains("<html lang=\"es\"", today, StringComparison.Ordinal);
        Assert.Contains("Fase: <strong>Recuperar</strong>", today, StringComparison.Ordinal);
        Assert.Contains("La segunda fase: recupera tu fuerza", today, StringComparison.Ordinal); // the phase explained on first use
        Assert.Contains("3 series de 15, banda suave", today, StringComparison.Ordinal);
        Assert.Contains("2 series de 15, sin banda", today, StringComparison.Ordinal); // seated marching at its starting dose
        Assert.Contains("Dosis inicial: el nivel más fácil.", today, StringComparison.Ordinal);
        Assert.Contains("Empieza la sesión de hoy", today, StringComparison.Ordinal);
        Assert.Contains(Spanish(patient.Today), today, StringComparison.Ordinal); // dates follow the culture
        AssertNoEnglish(today, "Today's dose", "Start today's session", "Not done yet", "sets of", "Phase:", "Since ");

        // The session start sends the patient to the first exercise; that page is Spanish too.
        var start = await patient.Client.GetAsync("/today/session");
        var first = PathOf(start)!;
        Assert.StartsWith("/today/session/", first, StringComparison.Ordinal);
        var firstPage = await patient.PageAsync(first);
        Assert.Contains("Ejercicio 1 de", firstPage, StringComparison.Ordinal);
        Assert.Contains("Volver a hoy", firstPage, StringComparison.Ordinal);

        var player = await patient.PageAsync(Band);
        Assert.Contains("3 series de 15, banda suave", player, StringComparison.Ordinal);
        Assert.Contains("3 series de 15 con cada lado (primero el izquierdo, luego el derecho), banda suave", player, StringComparison.Ordinal);
        Assert.Contains("Tu dolor antes de empezar (0 a 10)", player, StringComparison.Ordinal);
        Assert.Contains(">Hecho</button>", player, StringComparison.Ordinal);
        Assert.Contains(">Me duele más</button>", player, StringComparison.Ordinal);
        Assert.Contains("sin dolor", player, StringComparison.Ordinal); // the pain scale's words
        // player.js gets its words from the page: the get-ready cue and the count in Spanish.
        Assert.Contains("\"Get ready\":\"Prepárate\"", player, StringComparison.Ordinal);
        Assert.Contains("\"{0} repetitions\":\"{0} repeticiones\"", player, StringComparison.Ordinal);
        AssertNoEnglish(player, "Your pain before you start", "How many did you do", "Back to today", "Today's dose", "no band", "light band");

        // A form error is Spanish and names the field by its Spanish label.
        var refused = await patient.Client.PostFormAsync(Band, "exercise-log",
            [F("Form.PainBefore", "1"), F("Form.PainDuring", "1"), F("Form.Outcome", "done"), F("Form.DoneCount", "")]);
        var error = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Escribe cuántas hiciste con un número entero del 0 al 90.", error, StringComparison.Ordinal);
        Assert.Contains("Cuántas hiciste", error, StringComparison.Ordinal);
        AssertNoEnglish(error, "Enter how many", "doneCount:");
        Assert.Empty(await patient.LogsAsync());

        var program = await patient.PageAsync("/program");
        Assert.Contains("Tu fase ahora: Recuperar", program, StringComparison.Ordinal);
        Assert.Contains("3 series de 15, banda suave", program, StringComparison.Ordinal);
        Assert.Contains("con cada lado", program, StringComparison.Ordinal); // a counted stretch: "10 con cada lado"
        Assert.Contains("Las cuatro fases", program, StringComparison.Ordinal);
        Assert.Contains("Un brote es un día", program, StringComparison.Ordinal);
        Assert.Contains(Spanish(patient.Today), program, StringComparison.Ordinal);
        AssertNoEnglish(program, "Your phase now", "What moves", "The four phases", "A flare", "sets of", "each side");
    }

    [Fact]
    public async Task English_Today_Player_AndProgram_WriteDosesInOurWords()
    {
        var patient = await ReadyAsync("en-doses@example.com");

        var today = await patient.PageAsync("/today");
        Assert.Contains("<html lang=\"en\"", today, StringComparison.Ordinal);
        Assert.Contains("3 sets of 15, light band", today, StringComparison.Ordinal);
        Assert.Contains("2 sets of 15, no band", today, StringComparison.Ordinal);
        Assert.Contains("3 holds of 20 seconds", today, StringComparison.Ordinal); // the butterfly at its start
        Assert.Matches(@"\d+ each side", today);
        Assert.Contains("Starting dose: the easiest level.", today, StringComparison.Ordinal);
        Assert.Contains("The second phase: build your strength back", today, StringComparison.Ordinal);

        var player = await patient.PageAsync(Band);
        Assert.Contains("today's dose: <strong>3 sets of 15, light band</strong>", player, StringComparison.Ordinal);
        Assert.Contains("data-words=\"{}\"", player, StringComparison.Ordinal); // English: player.js keeps its own words

        var program = await patient.PageAsync("/program");
        Assert.Contains("3 sets of 15, light band", program, StringComparison.Ordinal);
        Assert.Contains("2 sets of 15, no band", program, StringComparison.Ordinal);

        foreach (var page in new[] { today, player, program })
        {
            Assert.DoesNotContain("×", page, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?i)\bladder\b", page);
            // The old dose words ("2×15, no resistance"); the engine's own progress sentences are not doses.
            Assert.DoesNotMatch(@"\d+, (no|light|medium|heavy) resistance", page);
            Assert.DoesNotContain("SPEC", page, StringComparison.Ordinal);
            Assert.DoesNotContain("§", page, StringComparison.Ordinal);
        }
    }

    /// <summary>Checked in today in restore, the band exercise one level up (the rest at their starting doses).</summary>
    private async Task<TodayState> ReadyAsync(string email)
    {
        var patient = await TodayState.OnboardAsync(factory, email);
        await patient.CheckInAsync();
        await patient.DoseAsync(ExerciseId.StandingBandHipFlexion, new Dose(3, 15, Resistance.Light), "A physio set it.");
        return patient;
    }

    private static string Spanish(DateOnly day) => day.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es"));

    private static void AssertNoEnglish(string html, params string[] english)
    {
        foreach (var text in english) Assert.DoesNotContain(text, html, StringComparison.Ordinal);
    }
}
