using System.Net;
using System.Net.Http.Headers;
using IlioCare.Clinical.Safety;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: sign-up and onboarding in Spanish (Accept-Language: es), and error summaries that name each field by its
/// label in the reader's language, never by its field id; bad input stores nothing.
/// </summary>
public sealed class SpanishAccountPagesTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private FormClient Spanish()
    {
        var client = new FormClient(factory);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        return client;
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task SignUpPage_InSpanish()
    {
        var html = await TextOf(await Spanish().GetAsync("/sign-up"));
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Crea tu cuenta</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Crear mi cuenta</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Fecha de nacimiento</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create your account", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_BadInput_InSpanish_NamesEachFieldByItsSpanishLabel_AndStoresNothing()
    {
        var response = await Spanish().PostFormAsync("/sign-up", "sign-up",
            [F("Form.Email", "es-no-es-un-correo"), F("Form.Password", "corta"), F("Form.Name", "Lucía"), F("Form.DateOfBirth", "x")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("Correo electrónico: Escribe un correo electrónico como nombre@ejemplo.com.", html, StringComparison.Ordinal);
        Assert.Contains("Contraseña: Elige una contraseña de al menos 8 caracteres.", html, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento: Escribe el día, el mes y el año en que naciste.", html, StringComparison.Ordinal);
        Assert.Contains("Las condiciones: Marca la casilla para aceptar las condiciones.", html, StringComparison.Ordinal);
        foreach (var id in new[] { "email:", "password:", "dateOfBirth:", "acceptTerms:" })
            Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Lucía")));
    }

    [Fact]
    public async Task SignUpThenOnboarding_InSpanish_BadAnswersNameTheSpanishLabel_AndStoreNothing()
    {
        var client = Spanish();
        var assessment = (await Patients.TakeAssessmentAsync(client)).Split('/').Last();
        await Patients.SignUpAsync(client, "es-onboarding@example.com", assessment);

        var page = await TextOf(await client.GetAsync("/onboarding"));
        Assert.Contains("<html lang=\"es\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Prepara tu programa</h1>", page, StringComparison.Ordinal);
        Assert.Contains(">Empezar mi programa</button>", page, StringComparison.Ordinal);
        Assert.Contains("¿Tienes una hernia en la barriga o en la ingle?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Set up your program", page, StringComparison.Ordinal);

        var response = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "mucho"),
            F("Form.TimeZone", "Europe/Madrid"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), // the hernia question left unanswered
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains("Minutos de deporte a la semana antes de que empezara el dolor: Escribe un número entero de minutos de 0 a 10080.", html, StringComparison.Ordinal);
        Assert.Contains("¿Tienes una hernia en la barriga o en la ingle?: Contesta sí o no.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("preInjuryWeeklyMinutes:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("massage-hernia:", html, StringComparison.Ordinal);

        var account = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "es-onboarding@example.com"));
        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == account.Id));
        Assert.Null(profile.OnboardedAtUtc);
        Assert.NotEqual("Europe/Madrid", profile.TimeZoneId);
        Assert.False(await factory.InDatabaseAsync(db => db.ProgramStates.AnyAsync(s => s.AccountId == account.Id)));

        // The same answers put right save under the Spanish culture too: the numbers and the time are read as typed.
        var fixedUp = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "1500"),
            F("Form.TimeZone", "Europe/Madrid"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "no"),
        ]);
        Assert.Equal("/today", PathOf(fixedUp));
        profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == account.Id));
        Assert.Equal(1500, profile.PreInjuryWeeklyMinutes);
        Assert.Equal(new TimeOnly(18, 30), profile.DailySessionTime);
    }

    [Fact]
    public async Task Onboarding_InEnglish_TheSummaryNamesTheLabel_AndTheMassageQuestionsAreTheClinicalOnes()
    {
        var client = new FormClient(factory);
        var assessment = (await Patients.TakeAssessmentAsync(client)).Split('/').Last();
        await Patients.SignUpAsync(client, "en-onboarding@example.com", assessment);

        // The page's own copies of the questions (its resource keys) are MassageSafety's words.
        var page = await TextOf(await client.GetAsync("/onboarding"));
        foreach (var caution in Enum.GetValues<MassageCaution>().Where(c => c != MassageCaution.Pregnancy))
            Assert.Contains(MassageSafety.Question(caution), page, StringComparison.Ordinal);

        var html = await TextOf(await client.PostFormAsync("/onboarding", "onboarding",
            [F("Form.Side", "left"), F("Form.PreInjuryWeeklyMinutes", "20000"), F("Form.TimeZone", "Europe/London"), F("Form.SessionTime", "18:30")]));
        Assert.Contains("Minutes of sport a week before the pain began: Enter a whole number of minutes from 0 to 10080.", html, StringComparison.Ordinal);
        Assert.Contains($"{MassageSafety.Question(MassageCaution.Hernia)}: Answer yes or no.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("preInjuryWeeklyMinutes:", html, StringComparison.Ordinal);
    }
}
