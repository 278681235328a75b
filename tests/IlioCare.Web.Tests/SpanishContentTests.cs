using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: with <c>Accept-Language: es</c> the Learn pages, the exercise library, the progress page and the summary
/// are in Spanish (a Spanish heading, a Spanish exercise step where the page shows one) and show no spec reference.
/// </summary>
public sealed partial class SpanishContentTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private FormClient Spanish()
    {
        var client = new FormClient(factory);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        return client;
    }

    private static async Task<string> PageAsync(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("§", html, StringComparison.Ordinal);
        return html;
    }

    private static string H1(string html) => Heading().Match(html).Groups[1].Value;

    [Theory]
    [InlineData("/learn", "Aprende sobre el dolor del flexor de la cadera", "Haz la autoevaluación")]
    [InlineData("/learn/anatomy", "Anatomía: ilíaco, psoas y la bursa", "Tres músculos, un tendón")]
    [InlineData("/learn/conditions", "Bursitis, tendinitis y cadera en resorte", "Por qué pasa: por sobrecarga")]
    [InlineData("/learn/when-to-see-a-doctor", "Cuándo ir al médico", "Ve a urgencias ahora")]
    public async Task LearnPage_InSpanish(string url, string heading, string more)
    {
        var html = await PageAsync(Spanish(), url);
        Assert.Equal(heading, H1(html));
        Assert.Contains(more, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Learn about hip-flexor pain", html, StringComparison.Ordinal);
        Assert.DoesNotContain("More to learn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LearnDiagram_AltTextInSpanish()
    {
        var html = await PageAsync(Spanish(), "/learn/conditions");
        Assert.Contains("alt=\"Cadera en resorte, en dos pasos:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_InSpanish_NamesKindsAndPlainDoses()
    {
        var html = await PageAsync(Spanish(), "/library");
        Assert.Equal("Ejercicios", H1(html));
        Assert.Contains(">Estiramientos<", html, StringComparison.Ordinal);
        Assert.Contains(">Fortalecimiento<", html, StringComparison.Ordinal);
        Assert.Contains(">Estiramiento de mariposa</a>", html, StringComparison.Ordinal);
        Assert.Contains("2 series de 15, sin banda", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Butterfly stretch", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exercise_InSpanish_StepsSafetyDoseAndPictures()
    {
        var html = await PageAsync(Spanish(), "/library/seated-marching");
        Assert.Equal("Marcha sentado", H1(html));
        Assert.Contains("<h2>Pasos</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Siéntate recto en la parte delantera de una silla firme, con los dos pies apoyados.</li>", html, StringComparison.Ordinal);
        Assert.Contains("Para si el dolor aumenta mientras haces ejercicio", html, StringComparison.Ordinal);
        Assert.Contains("Al principio, 2 series de 15, sin banda", html, StringComparison.Ordinal);
        Assert.Contains("Recuperar: recupera la fuerza poco a poco.", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Inicio: sentado recto en una silla", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sit upright", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfMassage_InSpanish_SpotsAndSafetyQuestions()
    {
        var html = await PageAsync(Spanish(), "/library/self-massage");
        Assert.Contains("<li>Cerca del ombligo: 15 pasadas</li>", html, StringComparison.Ordinal);
        Assert.Contains("¿Tienes una hernia en la barriga o en la ingle?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_InSpanish_WithEightWeeksOfHistory()
    {
        EightWeekHistory.MoveToMonday(factory.Clock);
        var client = Spanish();
        var accountId = await CheckInPatients.OnboardAsync(factory, client, "progress-es@example.com");
        var today = EightWeekHistory.Today(factory.Clock);
        await factory.InDatabaseAsync(async db => { await EightWeekHistory.SeedAsync(db, accountId, today, functionalScale: true); return 0; });

        var html = await PageAsync(client, "/progress");
        Assert.Equal("Tu progreso", H1(html));
        Assert.Contains("<h2 id=\"h-pain\">Dolor</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Dolor ahora bajó de 5 a 1 en 8 semanas", html, StringComparison.Ordinal);
        Assert.Contains("Marcha sentado: cuánto, a lo largo del tiempo", html, StringComparison.Ordinal);
        Assert.Contains("series de 15, sin banda", html, StringComparison.Ordinal);
        Assert.Contains("los números en una tabla", html, StringComparison.Ordinal);
        // Dates follow the culture: Spanish day names head the calendar.
        Assert.Contains(">lun<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pain each day", html, StringComparison.Ordinal);
        Assert.DoesNotContain("acute:chronic", html, StringComparison.Ordinal);
        Assert.DoesNotContain("×", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<h1[^>]*>([^<]+)</h1>")]
    private static partial Regex Heading();
}
