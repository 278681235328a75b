using System.Text.RegularExpressions;
using IlioCare.Data;
using Microsoft.Playwright;
using OtpNet;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 6's journey across both halves (F13, F15): a clinician signs in with two-factor, redeems a patient's
/// invite, sees the patient flagged after a warning-sign check-in, changes a dose with a note, and the patient
/// sees the new dose with the note. Two browser contexts: two people, two cookies.
/// </summary>
public sealed partial class ClinicianJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string ClinicianPassword = "clinician pass phrase";
    private const string Note = "A little more while you wait for the doctor, only if it stays pain-free.";

    [Fact]
    public async Task Clinician_SignsInWithTwoFactor_RedeemsAnInvite_SeesTheWarningSign_ChangesTheDose_AndThePatientSeesIt()
    {
        // The patient: assessment → sign-up → onboarding, then an invite code on "My care team".
        await using var patientContext = await app.NewContextAsync(width: 360, height: 780);
        var patientJourney = new Journey(await patientContext.NewPageAsync(), "care-team-patient-360px");
        var patient = patientJourney.Page;
        var patientEmail = $"followed-{Guid.NewGuid():N}@example.com";
        await OnboardAsync(patient, patientEmail);
        // Issue 18: only a confirmed address may link a clinician: the patient opens the mail's link.
        var verify = await app.Smtp.WaitForAsync(patientEmail, "Confirm your e-mail address");
        await patient.GotoAsync(IlioCare.Web.Tests.TestSmtpServer.LinkIn(verify));
        await patient.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Assertions.Expect(patient.GetByText("your e-mail address is confirmed")).ToBeVisibleAsync();
        await patient.GotoAsync("/care");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Make a code for my clinician" }).ClickAsync();
        var code = (await patient.Locator("#invite-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", code);
        await patientJourney.CheckAsync("invite-code");

        // The clinician: made by the operator; the first sign-in sets up two-factor, the next one asks for the code.
        var clinicianEmail = $"dr-{Guid.NewGuid():N}@example.com";
        await app.CreateStaffAsync(Roles.Clinician, clinicianEmail, "Dr Ana Silva", ClinicianPassword);
        // A physiotherapist between patients is on a phone too: the clinician's half at 360 px.
        await using var clinicianContext = await app.NewContextAsync(width: 360, height: 780);
        var clinicianJourney = new Journey(await clinicianContext.NewPageAsync(), "care-team-clinician-360px");
        var clinician = clinicianJourney.Page;
        await PasswordSignInAsync(clinician, clinicianEmail);
        await Assertions.Expect(clinician).ToHaveURLAsync(TwoFactorSetUpUrl());
        await Assertions.Expect(clinician.GetByText("Clinicians must turn on two-factor sign-in")).ToBeVisibleAsync();
        var key = (await clinician.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await clinicianJourney.CheckAsync("two-factor-set-up");
        await clinician.GetByLabel("Code from the app").FillAsync(Code(key));
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(clinician.Locator("li code").First).ToBeVisibleAsync(); // the recovery codes, shown once

        await clinician.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await PasswordSignInAsync(clinician, clinicianEmail);
        await Assertions.Expect(clinician).ToHaveURLAsync(TwoFactorSignInUrl());
        await clinician.GetByLabel("Code", new() { Exact = true }).FillAsync(Code(key));
        await clinicianJourney.CheckAsync("two-factor-sign-in");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Issue 18: the operator chose the password, so the clinician chooses their own first.
        await Assertions.Expect(clinician).ToHaveURLAsync(ChangePasswordUrl());
        await clinician.GetByLabel("Current password", new() { Exact = true }).FillAsync(ClinicianPassword);
        await clinician.GetByLabel("New password", new() { Exact = true }).FillAsync("the clinician's own phrase");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Assertions.Expect(clinician.GetByText("Your new password is saved")).ToBeVisibleAsync();
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
        await Assertions.Expect(clinician).ToHaveURLAsync(CaseloadUrl());

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Add a patient" }).ClickAsync();
        await clinician.GetByLabel("Patient's code").FillAsync(code);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Link patient" }).ClickAsync();
        await clinicianJourney.CheckAsync("linked");

        // The patient reports a fever: the program pauses.
        var checkIn = new CheckInPageObject(patient);
        await checkIn.OpenAsync();
        await checkIn.AnswerAsync(painMorning: 2, stiffness: 10, painNow: 2);
        await checkIn.TickWarningSignAsync("A fever (38 °C or higher)");
        await checkIn.SaveAsync();
        await Assertions.Expect(patient).ToHaveURLAsync(PausedUrl());

        // The caseload puts the patient first, with the reason.
        await clinician.GotoAsync("/clinician");
        var row = clinician.Locator(".caseload-row").Filter(new() { HasText = patientEmail });
        await Assertions.Expect(row.Locator(".alert").First).ToContainTextAsync("Warning sign");
        await Assertions.Expect(row.Locator(".alert").First).ToContainTextAsync("Fever reported on");
        await NoSidewaysScrollAsync(clinician);
        await clinicianJourney.CheckAsync("caseload-flagged");

        // The clinician changes the straight leg raise by one step, with a note.
        await row.GetByRole(AriaRole.Link, new() { Name = "Sam Rivers" }).ClickAsync(); // issue 18: the name, the address under it
        await NoSidewaysScrollAsync(clinician);
        await clinicianJourney.CheckAsync("patient");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Change the program" }).ClickAsync();
        var dose = clinician.GetByRole(AriaRole.Combobox, new() { Name = "Straight leg raise", Exact = true });
        var options = await dose.Locator("option").AllInnerTextsAsync();
        var current = await dose.EvaluateAsync<string>("s => s.options[s.selectedIndex].text");
        var chosen = options[(options.ToList().IndexOf(current) + 1) % options.Count];
        await dose.SelectOptionAsync(new SelectOptionValue { Label = chosen });
        await clinician.GetByLabel("Note to the patient").FillAsync(Note);
        await NoSidewaysScrollAsync(clinician);
        await clinicianJourney.CheckAsync("program-edit");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Save the program" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // Issue 15: the workspace — the caseload and every section of the patient page, at 360 px and at 1440 px, with axe.
        await WorkspaceAsync(clinician, clinicianJourney, patientEmail, 360);
        await clinician.SetViewportSizeAsync(1440, 900);
        var wide = new Journey(clinician, "workspace-clinician-1440px");
        await WorkspaceAsync(clinician, wide, patientEmail, 1440);
        // A desktop's width is used: the caseload table is far wider than the 42rem column of the other pages.
        await clinician.GotoAsync("/clinician");
        Assert.True(await clinician.Locator(".caseload-table").EvaluateAsync<double>("t => t.getBoundingClientRect().width") > 1000, "the caseload is a narrow column at 1440 px");

        // The patient sees the new dose, who set it and the note, on their program.
        await patient.GotoAsync("/program");
        var exercise = patient.Locator(".phase-exercises li").Filter(new() { HasText = "Straight leg raise" });
        await Assertions.Expect(exercise).ToContainTextAsync(PatientDose(chosen));
        await Assertions.Expect(exercise).ToContainTextAsync("Dr Ana Silva");
        await Assertions.Expect(exercise).ToContainTextAsync(Note);
        await patientJourney.CheckAsync("program-with-clinician-dose");
    }

    private static async Task OnboardAsync(IPage page, string email)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 35, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 120, timeZone: "Europe/Paris", sessionTime: "07:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
    }

    private static async Task PasswordSignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ClinicianPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>360 px must not need sideways scrolling (WCAG 2.2 reflow), even with a long e-mail as the patient's name.</summary>
    /// <summary>The caseload (sorted, filtered, searched) and each patient section by its own address, each checked and screenshotted.</summary>
    private static async Task WorkspaceAsync(IPage clinician, Journey journey, string patientEmail, int width)
    {
        await clinician.GotoAsync("/clinician");
        var row = clinician.Locator(".caseload-row").Filter(new() { HasText = patientEmail });
        await Assertions.Expect(row).ToContainTextAsync("Fever reported on");
        await Assertions.Expect(row.Locator("svg.pain-spark")).ToHaveAttributeAsync("role", "img");
        await NoSidewaysScrollAsync(clinician);
        await journey.CheckAsync($"caseload-{width}");
        await clinician.GetByLabel("Search by name or e-mail").FillAsync("Sam");
        await clinician.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = "Name" });
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Show patients" }).ClickAsync();
        await Assertions.Expect(clinician).ToHaveURLAsync(SearchedUrl());
        await Assertions.Expect(clinician.Locator(".caseload-row")).ToHaveCountAsync(1);
        await journey.CheckAsync($"caseload-searched-{width}");
        await clinician.Locator(".caseload-row").GetByRole(AriaRole.Link, new() { Name = "Sam Rivers" }).ClickAsync();
        foreach (var section in new[] { "Overview", "Assessment", "Sessions", "Check-ins", "Program", "Treatments", "Exports" })
        {
            await clinician.GetByRole(AriaRole.Navigation, new() { Name = "Patient sections" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            var current = clinician.GetByRole(AriaRole.Navigation, new() { Name = "Patient sections" }).Locator("[aria-current=page]");
            await Assertions.Expect(current).ToHaveTextAsync(section);
            await NoSidewaysScrollAsync(clinician);
            await journey.CheckAsync($"patient-{section.ToLowerInvariant()}-{width}");
        }
        await Assertions.Expect(clinician.GetByRole(AriaRole.Link, new() { Name = "FHIR R4 bundle (JSON, for health record systems)" })).ToBeVisibleAsync();
    }

    private static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px");

    /// <summary>What an authenticator app shows now for this key (RFC 6238, 30 s steps).</summary>
    /// <summary>A code of a step not used yet: the app accepts each 30-second step once (issue 13 finding 3).</summary>
    private static string Code(string base32Key)
    {
        var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, s_lastStep + 1);
        s_lastStep = step;
        return new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    private static long s_lastStep;

    [GeneratedRegex("/account#change-password$")] private static partial Regex ChangePasswordUrl();
    [GeneratedRegex("/account/two-factor$")] private static partial Regex TwoFactorSetUpUrl();
    [GeneratedRegex("/sign-in/two-factor")] private static partial Regex TwoFactorSignInUrl();
    [GeneratedRegex("/clinician$")] private static partial Regex CaseloadUrl();
    [GeneratedRegex("/clinician\\?.*q=Sam")] private static partial Regex SearchedUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/program/paused$")] private static partial Regex PausedUrl();

    /// <summary>The editor's clinical dose ("2×20, no resistance") in the patient's words ("2 sets of 20, no band", DoseWords).</summary>
    private static string PatientDose(string clinical)
    {
        var m = System.Text.RegularExpressions.Regex.Match(clinical, @"^(\d+)×(\d+), (no|light|medium|heavy) resistance$");
        if (!m.Success) return clinical;
        var band = m.Groups[3].Value == "no" ? "no band" : m.Groups[3].Value + " band";
        return $"{m.Groups[1].Value} sets of {m.Groups[2].Value}, {band}";
    }
}
