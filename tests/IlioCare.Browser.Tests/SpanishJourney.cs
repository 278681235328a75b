using System.Text.RegularExpressions;
using IlioCare.Web.Tests;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 16's "done when": a patient who reads Spanish does the whole journey in Spanish on a phone (360 px, scripts
/// on), from the self-assessment to the doctor-visit summary and its print view, with one safety branch (a warning
/// sign at the check-in pauses the program). Every step: <c>html lang="es"</c>, a Spanish heading or button found by
/// its Spanish name, no common English word in the visible text, and axe with a screenshot.
/// </summary>
public sealed partial class SpanishJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string Password = "una frase bastante larga";

    [Fact]
    public async Task SpanishPhone_FromSelfAssessmentToSummary_ReadsSpanishOnEveryPage_AndAWarningSignPausesInSpanish()
    {
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 360, Height = 780 }, Locale = "es-ES",
        });
        var journey = new Journey(await context.NewPageAsync(), "spanish-journey-360px");
        var page = journey.Page;
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var email = $"paciente-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync("/");
        await SpanishStepAsync(journey, "home", H1(page));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Hacer la autoevaluación" }).First.ClickAsync();

        // The self-assessment: about you, the pain, where and what makes it worse, and the warning signs.
        await Assertions.Expect(page).ToHaveURLAsync(AssessmentUrl());
        await SpanishStepAsync(journey, "assessment", page.GetByRole(AriaRole.Button, new() { Name = "Ver mi resultado" }));
        await page.GetByLabel("¿Cuántos años tienes?").FillAsync("34");
        await Group(page, "¿Qué lado te duele?").GetByRole(AriaRole.Radio, new() { Name = "Izquierdo", Exact = true }).CheckAsync();
        await page.GetByLabel("¿Cuántos días hace que te duele?").FillAsync("10");
        await new PainScaleControl(page, "Dolor ahora mismo").ChooseAsync(3);
        await new PainScaleControl(page, "El peor dolor de las últimas 24 horas").ChooseAsync(4);
        await Tick(page, "¿Dónde te duele? Marca todo lo que corresponda.", "Parte delantera de la cadera");
        await Tick(page, "¿Qué lo empeora? Marca todo lo que corresponda.", "Subir escaleras");
        await Tick(page, "¿Qué deportes haces? Marca todos los que correspondan.", "Correr");
        await Tick(page, "¿Tienes alguna de estas cosas? Marca todas las que tengas.", "Ninguna de estas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver mi resultado" }).ClickAsync();

        await Assertions.Expect(H1(page)).ToHaveTextAsync("Puedes empezar a cuidarte tú");
        await SpanishStepAsync(journey, "result", H1(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Empezar el programa" }).ClickAsync();

        // Sign up (it does not sign in), confirm the address from the Spanish mail, then sign in.
        await Assertions.Expect(page).ToHaveURLAsync(SignUpUrl());
        await SpanishStepAsync(journey, "sign-up", page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu cuenta" }));
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Tu nombre").FillAsync("Lucía Martín");
        await page.GetByLabel("Fecha de nacimiento").FillAsync("1990-04-25");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Acepto las condiciones" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear mi cuenta" }).ClickAsync();
        await SpanishStepAsync(journey, "sign-in-after-sign-up", page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }));

        var mail = await app.Smtp.WaitForAsync(email, "Confirma tu correo electrónico para IlioCare");
        Assert.Empty(EnglishWordsIn(mail.TextBody ?? ""));
        await page.GotoAsync(TestSmtpServer.LinkIn(mail));
        await SpanishStepAsync(journey, "confirm-email", page.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi correo" }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi correo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gracias: tu correo electrónico está confirmado.")).ToBeVisibleAsync();

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();

        // Onboarding: filled in from the self-assessment; the time zone, the time and the massage questions.
        await Assertions.Expect(page).ToHaveURLAsync(OnboardingUrl());
        await SpanishStepAsync(journey, "onboarding", page.GetByRole(AriaRole.Button, new() { Name = "Empezar mi programa" }));
        await page.GetByLabel("Minutos de deporte a la semana antes de que empezara el dolor").FillAsync("150");
        await page.GetByLabel("Tu zona horaria").SelectOptionAsync("Europe/Madrid");
        await page.GetByLabel("Hora de tus ejercicios diarios").FillAsync("18:30");
        foreach (var group in await page.GetByRole(AriaRole.Group).Filter(new() { Has = Radio(page, "Sí") }).AllAsync())
        {
            if (await group.GetByRole(AriaRole.Radio, new() { Name = "Sí", Exact = true }).CountAsync() == 1)
                await group.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Empezar mi programa" }).ClickAsync();

        // Today asks for the check-in first; the check-in; then Today offers the session.
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
        await SpanishStepAsync(journey, "today-before-check-in", page.GetByRole(AriaRole.Heading, new() { Name = "Empieza por tu registro diario" }));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Haz el registro de hoy" }).ClickAsync();
        await CheckInAsync(journey, "check-in", painNow: 2, warningSign: "Ninguna de estas");
        await Assertions.Expect(page.GetByText("Registro guardado.")).ToBeVisibleAsync();
        await SpanishStepAsync(journey, "check-in-saved", page.GetByRole(AriaRole.Link, new() { Name = "Ir a la sesión de hoy" }));

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hoy", Exact = true }).ClickAsync();
        // The time zone by its city, not its English region ("Europe/Madrid").
        await Assertions.Expect(page.GetByText("(hoy es ")).ToContainTextAsync(" en Madrid).");
        await SpanishStepAsync(journey, "today", page.GetByRole(AriaRole.Heading, new() { Name = "La sesión de hoy", Exact = true }));
        await page.GetByRole(AriaRole.Link, new() { Name = "Empieza la sesión de hoy" }).ClickAsync();

        // The session player: each exercise counted with "+1", pain before and during, then "Hecho".
        var done = 0;
        for (; !TodayUrl().IsMatch(page.Url) && done < 12; done++)
        {
            var name = (await H1(page).TextContentAsync())!;
            await new PainScaleControl(page, "Tu dolor antes de empezar (0 a 10)").ChooseAsync(2);
            if (done == 0) await SpanishStepAsync(journey, "player", page.Locator("[data-player-tools] button.primary").Filter(new() { HasText = "Empezar" }));
            var plus = page.GetByRole(AriaRole.Button, new() { Name = "+1, suma uno a la cuenta", Exact = true });
            for (var n = 0; n < 400 && await plus.IsEnabledAsync(); n++) await plus.ClickAsync();
            await Assertions.Expect(page.Locator("[data-player-tools] button.primary")).ToHaveTextAsync("Todo contado");
            await new PainScaleControl(page, "Tu dolor durante el ejercicio (0 a 10)").ChooseAsync(2);
            if (done == 0) await SpanishStepAsync(journey, "player-all-counted", page.GetByRole(AriaRole.Button, new() { Name = "Hecho", Exact = true }));
            await page.GetByRole(AriaRole.Button, new() { Name = "Hecho", Exact = true }).ClickAsync();
            await Assertions.Expect(H1(page)).Not.ToHaveTextAsync(name);
        }
        Assert.True(done >= 3, $"the session had {done} exercises");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
        // Every exercise is recorded: Today says so, instead of offering a session that would only come back here.
        await Assertions.Expect(page.GetByText("Has hecho todos los ejercicios de la sesión de hoy.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sigue con la sesión de hoy" })).ToHaveCountAsync(0);
        await SpanishStepAsync(journey, "today-session-done", page.GetByRole(AriaRole.Heading, new() { Name = "La sesión de hoy", Exact = true }));

        // The next day: the check-in, then Progress and the summary with its print view.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await page.GotoAsync("/check-in");
        await CheckInAsync(journey, "check-in-next-day", painNow: 1, warningSign: "Ninguna de estas");
        await Assertions.Expect(page.GetByText("Registro guardado.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Progreso", Exact = true }).ClickAsync();
        await SpanishStepAsync(journey, "progress", page.GetByRole(AriaRole.Heading, new() { Name = "Tu progreso", Level = 1 }));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/progress scrolls sideways at 360 px");
        // The charts' words (the dose steps are long in Spanish) stay inside the screen: the svg lets text overflow.
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.chart-svg text')].filter(t => t.textContent.trim() !== '')
                .filter(t => { const r = t.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
                .map(t => t.textContent)
            """);
        Assert.True(cut.Length == 0, "chart words cut off at 360 px: " + string.Join(" | ", cut));

        await page.GotoAsync("/summary");
        var summaryHeading = page.GetByRole(AriaRole.Heading, new() { Name = "Resumen para la consulta médica", Level = 1 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "El dolor a lo largo del tiempo", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimir este resumen" })).ToBeVisibleAsync();
        await SpanishStepAsync(journey, "summary", summaryHeading);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/summary scrolls sideways at 360 px");

        // The print view: the print CSS hides the screen-only parts (the print button); the PDF is kept for a reader.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimir este resumen" })).ToBeHiddenAsync();
        await SpanishStepAsync(journey, "summary-print", summaryHeading);
        await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "spanish-journey-360px", "resumen.pdf") });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The safety branch, a day later: a fever at the check-in pauses the program, in Spanish, with the number to call.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await page.GotoAsync("/check-in");
        await CheckInAsync(journey, "check-in-fever", painNow: 2, warningSign: "Fiebre (38 °C o más)");
        await Assertions.Expect(page).ToHaveURLAsync(PausedUrl());
        await Assertions.Expect(H1(page)).ToHaveTextAsync("Ve a un médico en las próximas 24 horas");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "112", Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No hagas ejercicios con la cadera hasta que te la revise un médico.")).ToBeVisibleAsync();
        await SpanishStepAsync(journey, "paused", page.GetByRole(AriaRole.Link, new() { Name = "Reanudar el programa" }));

        Assert.Empty(scriptErrors);
    }

    /// <summary>The English detector must be able to fail: it finds English in English, and none in our Spanish.</summary>
    [Fact]
    public void EnglishDetector_FindsEnglishSentences_AndPassesSpanishOnes()
    {
        Assert.Equal(["Check in", "your", "and", "the"], EnglishWordsIn("Check in today: your hip and the stiffness."));
        Assert.Equal(["Sign out"], EnglishWordsIn("Hoy\nSign out"));
        Assert.Equal(["Week", "by", "week"], EnglishWordsIn("Semana del\nWeek by week"));
        Assert.Empty(EnglishWordsIn("Haz el registro de hoy: tu dolor y la rigidez. Salir · English · IlioCare · 112"));
        Assert.Equal(["o.P"], SentencesRunTogether("Nada indica que debas ver antes a un médico.Puedes empezar el programa."));
        Assert.Empty(SentencesRunTogether("Ve al médico. Puedes empezar. Escribe nombre@ejemplo.com o 2,5."));
    }

    /// <summary>Fills the Spanish check-in (the pain, the stiffness and one warning-sign answer) and saves it.</summary>
    private static async Task CheckInAsync(Journey journey, string step, int painNow, string warningSign)
    {
        var page = journey.Page;
        await SpanishStepAsync(journey, step, page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi registro" }));
        await new PainScaleControl(page, "Dolor esta mañana").ChooseAsync(painNow);
        await page.GetByLabel("Rigidez por la mañana, en minutos").FillAsync("5");
        await new PainScaleControl(page, "Dolor ahora mismo").ChooseAsync(painNow);
        await Tick(page, "¿Tienes algo de esto nuevo desde tu último registro? Marca todo lo que corresponda.", warningSign);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi registro" }).ClickAsync();
    }

    /// <summary>What every step checks: the page says it is Spanish, shows a Spanish landmark, no English, and passes axe.</summary>
    private static async Task SpanishStepAsync(Journey journey, string step, ILocator spanishLandmark)
    {
        await Assertions.Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(spanishLandmark).ToBeVisibleAsync();
        var text = await journey.Page.EvaluateAsync<string>("() => document.body.innerText");
        var english = EnglishWordsIn(text);
        Assert.True(english.Count == 0, $"{step} ({journey.Page.Url}) shows English: {string.Join(", ", english)}\n---\n{text}");
        var runTogether = SentencesRunTogether(text);
        Assert.True(runTogether.Count == 0, $"{step} ({journey.Page.Url}) runs sentences together: {string.Join(", ", runTogether)}");
        await journey.CheckAsync(step);
    }

    /// <summary>
    /// Common English words and our English buttons, as whole words, that never appear in Spanish: a page that shows
    /// any has an English sentence or button left. ("English" itself is the footer's language switch, and names stay.)
    /// </summary>
    public static IReadOnlyList<string> EnglishWordsIn(string text) =>
        EnglishWords().Matches(text).Select(m => m.Value).ToArray();

    /// <summary>A sentence's full stop straight against the next one's capital ("médico.Puedes"): a space lost in the markup.</summary>
    public static IReadOnlyList<string> SentencesRunTogether(string text) =>
        RunTogether().Matches(text).Select(m => m.Value).ToArray();

    private static ILocator H1(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });
    private static ILocator Radio(IPage page, string name) => page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });
    private static Task Tick(IPage page, string legend, string choice) =>
        Group(page, legend).GetByRole(AriaRole.Checkbox, new() { Name = choice, Exact = true }).CheckAsync();

    [GeneratedRegex(@"\b(Check in|Check-in|Sign out|Sign in|Today|the|The|your|Your|you|You|and|with|this|This|of|is|are|by|Week|week|Start|Save|Pain|pain|minutes|sets|each side)\b")]
    private static partial Regex EnglishWords();
    [GeneratedRegex(@"\p{Ll}\.\p{Lu}")] private static partial Regex RunTogether();
    [GeneratedRegex("/assessment$")] private static partial Regex AssessmentUrl();
    [GeneratedRegex("/sign-up\\?assessment=")] private static partial Regex SignUpUrl();
    [GeneratedRegex("/onboarding$")] private static partial Regex OnboardingUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/program/paused")] private static partial Regex PausedUrl();
}
