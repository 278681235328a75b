using System.Net;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 18's account flows through a real SMTP server (<see cref="TestSmtpServer"/>): the test reads the delivered
/// mail, takes its link and follows it, as the person would.
/// </summary>
public sealed class MailFlowTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private static string SignUpJson(string email, string password = Patients.Password, string name = "Ana Silva") =>
        $$"""{"email":"{{email}}","password":"{{password}}","name":"{{name}}","dateOfBirth":"{{Patients.BornYearsAgo(30)}}","acceptTerms":true}""";

    [Fact]
    public async Task SignUpApi_NewAndExistingAddress_GetTheSameAnswer_AndTheirOwnMail_AndTheLinkConfirms()
    {
        var client = new FormClient(factory);
        var fresh = await client.Http.PostAsync("/api/v1/accounts", Json(SignUpJson("mail-new@example.com")));
        var again = await client.Http.PostAsync("/api/v1/accounts", Json(SignUpJson("mail-new@example.com", "another password", "Someone Else")));
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        var account = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "mail-new@example.com"));
        Assert.Equal("Ana Silva", account.DisplayName); // the second sign-up changed nothing
        Assert.False(account.EmailConfirmed);
        var tried = await factory.Smtp.WaitForAsync("mail-new@example.com", "Someone tried to sign up");
        Assert.Contains("/forgot-password", tried.TextBody, StringComparison.Ordinal);

        var verify = await factory.Smtp.WaitForAsync("mail-new@example.com", "Confirm your e-mail address");
        Assert.NotNull(verify.HtmlBody);
        var link = TestSmtpServer.LinkIn(verify);
        Assert.StartsWith("/verify-email?token=", link, StringComparison.Ordinal);
        var confirmed = await client.PostFormAsync(link, "verify-email", [F("Form.Token", Uri.UnescapeDataString(link.Split("token=")[1]))]);
        Assert.Contains("your e-mail address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task SignUpPage_ExistingAddress_AnswersLikeANewOne()
    {
        await Patients.SignUpAsync(new FormClient(factory), "page-taken@example.com");
        var taken = await new FormClient(factory).PostFormAsync("/sign-up", "sign-up", Patients.SignUpFields("page-taken@example.com"));
        var fresh = await new FormClient(factory).PostFormAsync("/sign-up", "sign-up", Patients.SignUpFields("page-fresh@example.com"));
        Assert.Equal(PathOf(fresh), PathOf(taken));
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.False(taken.Headers.Contains("Set-Cookie") && taken.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("iliocare=", StringComparison.Ordinal)));
        await factory.Smtp.WaitForAsync("page-taken@example.com", "Someone tried to sign up");
    }

    [Fact]
    public async Task ForgotPassword_TheMailsLink_SetsANewPassword_Once_AndTheOldPasswordFails()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "forgot@example.com");
        var stampBefore = await StampAsync("forgot@example.com");

        var asked = await new FormClient(factory).PostFormAsync("/forgot-password", "forgot-password", [F("Form.Email", "forgot@example.com")]);
        Assert.Contains("If this address has an IlioCare account", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await factory.Smtp.WaitForAsync("forgot@example.com", "Choose a new IlioCare password");
        var link = TestSmtpServer.LinkIn(mail);
        Assert.StartsWith("/reset-password?token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("pain", mail.TextBody, StringComparison.OrdinalIgnoreCase); // never health data

        var browser = new FormClient(factory);
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        var reset = await browser.PostFormAsync(link, "reset-password", [F("Form.Token", token), F("Form.NewPassword", "a brand new passphrase")]);
        Assert.Equal("/sign-in?reset=1", PathOf(reset));
        Assert.NotEqual(stampBefore, await StampAsync("forgot@example.com")); // every session of the account ends

        // Single use: the same link again is refused, the password stays the new one.
        var twice = await browser.PostFormAsync(link, "reset-password", [F("Form.Token", token), F("Form.NewPassword", "yet another passphrase")]);
        Assert.Contains("This link does not work any more", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var old = await new FormClient(factory).PostFormAsync("/sign-in", "sign-in", [F("Form.Email", "forgot@example.com"), F("Form.Password", Patients.Password)]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the form again, with its error
        await Patients.SignInAsync(new FormClient(factory), "forgot@example.com", "a brand new passphrase");
        Assert.True(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "forgot@example.com").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task PasswordResetApi_AlwaysAccepted_AndConfirmNeedsAGoodToken()
    {
        var api = factory.CreateClient();
        var unknown = await api.PostAsync("/api/v1/accounts/password-reset", Json("""{"email":"nobody-here@example.com"}"""));
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        await Patients.SignUpAsync(new FormClient(factory), "api-reset@example.com");
        var known = await api.PostAsync("/api/v1/accounts/password-reset", Json("""{"email":"api-reset@example.com"}"""));
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        var link = TestSmtpServer.LinkIn(await factory.Smtp.WaitForAsync("api-reset@example.com", "Choose a new IlioCare password"));
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Contains("token", (await ValidationErrorsAsync(await api.PostAsync("/api/v1/accounts/password-reset/confirm",
            Json($$"""{"token":"{{tampered}}","newPassword":"the new passphrase"}""")))).Keys);
        Assert.Contains("newPassword", (await ValidationErrorsAsync(await api.PostAsync("/api/v1/accounts/password-reset/confirm",
            Json($$"""{"token":"{{token}}","newPassword":"short"}""")))).Keys);
        var done = await api.PostAsync("/api/v1/accounts/password-reset/confirm", Json($$"""{"token":"{{token}}","newPassword":"the new passphrase"}"""));
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Contains("token", (await ValidationErrorsAsync(await api.PostAsync("/api/v1/accounts/password-reset/confirm",
            Json($$"""{"token":"{{token}}","newPassword":"another passphrase"}""")))).Keys);
    }

    [Fact]
    public async Task ChangePasswordApi_WrongCurrentCountsTowardsLockout_RightOneEndsOtherSessions()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "change-pw@example.com");
        var wrong = await ValidationErrorsAsync(await patient.Http.PostAsync("/api/v1/me/password", Json("""{"currentPassword":"not it at all","newPassword":"a fine new passphrase"}""")));
        Assert.Contains("currentPassword", wrong.Keys);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "change-pw@example.com").Select(u => u.AccessFailedCount).SingleAsync()));

        var stamp = await StampAsync("change-pw@example.com");
        var changed = await patient.Http.PostAsync("/api/v1/me/password", Json($$"""{"currentPassword":"{{Patients.Password}}","newPassword":"a fine new passphrase"}"""));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.NotEqual(stamp, await StampAsync("change-pw@example.com"));
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/api/v1/me")).StatusCode); // this session carries on
        await Patients.SignInAsync(new FormClient(factory), "change-pw@example.com", "a fine new passphrase");
        await factory.Smtp.WaitForAsync("change-pw@example.com", "Your IlioCare password was changed");
    }

    [Fact]
    public async Task ChangePassword_FiveWrongCurrentPasswords_LockTheAccount()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "change-lock@example.com");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await patient.Http.PostAsync("/api/v1/me/password", Json("""{"currentPassword":"wrong wrong","newPassword":"a fine new passphrase"}"""));
        Assert.Contains("locked", (await ValidationErrorsAsync(last))["currentPassword"][0], StringComparison.Ordinal);
        var right = await patient.Http.PostAsync("/api/v1/me/password", Json($$"""{"currentPassword":"{{Patients.Password}}","newPassword":"a fine new passphrase"}"""));
        Assert.Contains("locked", (await ValidationErrorsAsync(right))["currentPassword"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeEmail_TakesEffectWhenTheNewAddressIsConfirmed_AndTheOldOneIsTold()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "old-address@example.com");
        var asked = await patient.Http.PostAsync("/api/v1/me/email", Json($$"""{"newEmail":"new-address@example.com","currentPassword":"{{Patients.Password}}"}"""));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "old-address@example.com"))); // not yet

        await factory.Smtp.WaitForAsync("old-address@example.com", "Your IlioCare e-mail address is being changed");
        var link = TestSmtpServer.LinkIn(await factory.Smtp.WaitForAsync("new-address@example.com", "Confirm your new e-mail address"));
        var verify = await factory.CreateClient().PostAsync("/api/v1/accounts/verify", Json($$"""{"token":"{{Uri.UnescapeDataString(link.Split("token=")[1])}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        await Patients.SignInAsync(new FormClient(factory), "new-address@example.com");
        Assert.False(await factory.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "old-address@example.com")));
    }

    [Fact]
    public async Task ProfileSection_EditsTheNameAndDateOfBirth_AndRefusesUnder16()
    {
        var patient = new FormClient(factory);
        await Patients.SignUpAsync(patient, "profile@example.com");
        var saved = await patient.PostFormAsync("/account", "profile", [F("Form.Name", "Maria Lopes"), F("Form.DateOfBirth", "1980-05-02")]);
        Assert.Contains("Your name and date of birth are saved.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var account = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "profile@example.com"));
        Assert.Equal(("Maria Lopes", new DateOnly(1980, 5, 2)), (account.DisplayName, account.DateOfBirth));

        var young = await patient.PostFormAsync("/account", "profile", [F("Form.Name", "Maria"), F("Form.DateOfBirth", Patients.BornYearsAgo(15))]);
        Assert.Contains("accounts start at 16", await young.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Maria Lopes", await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == "profile@example.com").Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Admin_SendsAClinicianAPasswordLink_WhichReplacesTheAdminSetPassword()
    {
        var admin = await Staff.SignInAdminAsync(factory);
        var clinician = await Staff.SignInClinicianAsync(factory, email: "link-clinician@example.com", name: "Dr Link");
        // The password an admin typed: it must be replaced (StaffAccounts sets this; the Staff helper clears it).
        await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordChangeRequired, true)));
        var code = Staff.Code(clinician.TotpSecret);
        Assert.Equal("/account", await Staff.SignInWithCodeAsync(new FormClient(factory), clinician.Email, code)); // "/account#change-password"

        var sent = await admin.Client.PostFormAsync("/admin/clinicians", "send-password-link", [F("Send.AccountId", clinician.AccountId)]);
        Assert.Contains("A password link was sent to <strong>Dr Link</strong>", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = TestSmtpServer.LinkIn(await factory.Smtp.WaitForAsync("link-clinician@example.com", "Choose your IlioCare password"));
        var reset = await new FormClient(factory).PostFormAsync(link, "reset-password",
            [F("Form.Token", Uri.UnescapeDataString(link.Split("token=")[1])), F("Form.NewPassword", "the clinician's own phrase")]);
        Assert.Equal("/sign-in?reset=1", PathOf(reset));
        Assert.False(await factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == clinician.AccountId).Select(u => u.PasswordChangeRequired).SingleAsync()));
        Assert.Equal("/sign-in/two-factor", await Staff.PasswordSignInAsync(new FormClient(factory), "link-clinician@example.com", "the clinician's own phrase"));
        Assert.NotEqual("/sign-in/two-factor", await Staff.PasswordSignInAsync(new FormClient(factory), "link-clinician@example.com")); // the admin's is gone
    }

    private Task<string?> StampAsync(string email) =>
        factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());
}
