using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Mails go out in the account's language (issue 16), through the real SMTP server: not in the language of whoever's
/// request sent them.
/// </summary>
public sealed class LanguageMailTests(MailFactory factory) : IClassFixture<MailFactory>
{
    [Fact]
    public async Task ASpanishAccount_GetsItsVerifyAndResetMailsInSpanish_EvenWhenAnEnglishPageAsks()
    {
        var spanish = new FormClient(factory);
        spanish.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await spanish.PostFormAsync("/sign-up", "sign-up", Patients.SignUpFields("mail-es@example.com", name: "Lucía"));
        var verify = await factory.Smtp.WaitForAsync("mail-es@example.com", "Confirma tu correo electrónico para IlioCare");
        Assert.Contains("Hola, Lucía:", verify.TextBody, StringComparison.Ordinal);
        Assert.Contains("El equipo de IlioCare", verify.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", verify.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("/verify-email?token=", TestSmtpServer.LinkIn(verify), StringComparison.Ordinal);

        // "Forgot your password?" asked from an English browser: the mail is in the account's Spanish.
        await new FormClient(factory).PostFormAsync("/forgot-password", "forgot-password", [F("Form.Email", "mail-es@example.com")]);
        var reset = await factory.Smtp.WaitForAsync("mail-es@example.com", "Elige una nueva contraseña de IlioCare");
        Assert.Contains("abre este enlace", reset.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("The IlioCare team", reset.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("/reset-password?token=", TestSmtpServer.LinkIn(reset), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishAccount_GetsItsResetMailInEnglish_EvenWhenASpanishPageAsks()
    {
        await new FormClient(factory).PostFormAsync("/sign-up", "sign-up", Patients.SignUpFields("mail-en@example.com"));
        Assert.Equal("en", await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "mail-en@example.com").Select(u => u.Language).SingleAsync()));
        var spanish = new FormClient(factory);
        spanish.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await spanish.PostFormAsync("/forgot-password", "forgot-password", [F("Form.Email", "mail-en@example.com")]);
        var reset = await factory.Smtp.WaitForAsync("mail-en@example.com", "Choose a new IlioCare password");
        Assert.Contains("The IlioCare team", reset.TextBody, StringComparison.Ordinal);
    }
}
