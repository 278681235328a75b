using System.Text.RegularExpressions;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OtpNet;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 15's journey: a clinician writes an exercise of their own for a linked patient, the patient does it in the
/// player and presses "pain went up", the clinician reads the session with its pains, and the FHIR export carries it.
/// The patient on a 360 px phone, the clinician on a 1440 px desktop (and their page again at 360 px); axe on every page.
/// </summary>
public sealed partial class CustomExerciseJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string StaffPassword = "clinician pass phrase";

    [Fact]
    public async Task Clinician_WritesAnExercise_PatientDoesItInThePlayer_ClinicianSeesTheSession_AndTheFhirExport()
    {
        await using var patientContext = await app.NewContextAsync(width: 360, height: 780);
        var patientJourney = new Journey(await patientContext.NewPageAsync(), "custom-exercise-patient-360px");
        var patient = patientJourney.Page;
        var patientEmail = $"custom-{Guid.NewGuid():N}@example.com";
        await OnboardAsync(patient, patientEmail);
        var patientId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == patientEmail).Select(u => u.Id).SingleAsync());

        await using var clinicianContext = await app.NewContextAsync(width: 1440, height: 900);
        var clinicianJourney = new Journey(await clinicianContext.NewPageAsync(), "custom-exercise-clinician-1440px");
        var clinician = clinicianJourney.Page;
        var clinicianId = await SignInClinicianAsync(clinician, $"dr-custom-{Guid.NewGuid():N}@example.com");
        await app.InDatabaseAsync(async db =>
        {
            db.CareLinks.Add(new CareLink { PatientId = patientId, ClinicianId = clinicianId, LinkedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        // From the program editor to the patient's own exercises; the form names the field it needs.
        await clinician.GotoAsync($"/clinician/patients/{patientId}/program");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Their own exercises" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("own exercises");
        await clinicianJourney.CheckAsync("own-exercises-empty");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to the program" }).ClickAsync();
        await Assertions.Expect(clinician.Locator(".error-summary, [role=alert]").First).ToContainTextAsync("Name");
        await clinicianJourney.CheckAsync("own-exercises-errors");

        await clinician.GetByLabel("Name", new() { Exact = true }).FillAsync("Wall bridge hold");
        await clinician.GetByLabel("Steps").FillAsync("Lie on your back, feet on the wall.\nLift your hips.\nHold, then lower slowly.");
        await clinician.GetByLabel("Safety note").FillAsync("Stop if your groin hurts more.");
        await clinician.GetByLabel("Holds, each for some seconds").CheckAsync();
        await clinician.GetByLabel("Holds (holds and seconds: 1 to 20)").FillAsync("3");
        await clinician.GetByLabel("Seconds each hold (5 to 300)").FillAsync("20");
        await clinician.GetByLabel("No side (both together, or not sided)").CheckAsync();
        await clinician.GetByLabel("Every day").CheckAsync();
        await clinician.GetByLabel("Drawing (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Drawings of Hip raise" });
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add to the program" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(clinician.Locator(".custom-exercises")).ToContainTextAsync("Wall bridge hold: 3 holds of 20 seconds");
        await clinicianJourney.CheckAsync("own-exercises-added");

        // The patient checks in, finds it on Today and does it in the player; the pain goes up.
        var checkIn = new CheckInPageObject(patient);
        await checkIn.OpenAsync();
        await checkIn.AnswerAsync(painMorning: 1, stiffness: 5, painNow: 1);
        await checkIn.TickWarningSignAsync("None of these");
        await checkIn.SaveAsync();
        await Assertions.Expect(patient).ToHaveURLAsync(SavedCheckInUrl());
        await patient.GotoAsync("/today");
        var card = patient.Locator(".exercise-card").Filter(new() { HasText = "Wall bridge hold" });
        await Assertions.Expect(card).ToContainTextAsync("3 holds of 20 seconds");
        await card.ScrollIntoViewIfNeededAsync();
        await patientJourney.CheckAsync("today-with-custom");
        await card.GetByRole(AriaRole.Link, new() { Name = "Start Wall bridge hold" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wall bridge hold");
        await Assertions.Expect(patient.Locator("[data-player-tools] .player-count")).ToContainTextAsync("3"); // player.js counts the holds
        await patientJourney.CheckAsync("player");
        await patient.GetByLabel("Your pain before you start (0 to 10)").FillAsync("1");
        await patient.GetByLabel("Your pain during the exercise (0 to 10)").FillAsync("4");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Pain went up" }).ClickAsync();
        await Assertions.Expect(patient).ToHaveURLAsync(TodayUrl());
        await Assertions.Expect(card.Locator(".exercise-status")).ToContainTextAsync("Stopped for pain (pain 1 before, 4 during)");
        await patientJourney.CheckAsync("today-after-stop");
        Assert.True(await patient.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Today scrolls sideways at 360 px");

        // The clinician reads the session with its pains, and the caseload shows the stop by the exercise's name.
        await clinician.ReloadAsync();
        var session = clinician.Locator(".custom-sessions tbody tr").First;
        await Assertions.Expect(session).ToContainTextAsync("Wall bridge hold");
        await Assertions.Expect(session).ToContainTextAsync("Stopped: pain went up");
        Assert.Equal(["1", "4"], (await session.Locator("td").AllInnerTextsAsync()).TakeLast(2).ToArray());
        await clinicianJourney.CheckAsync("own-exercises-session");
        await clinician.SetViewportSizeAsync(360, 780);
        Assert.True(await clinician.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the exercises page scrolls sideways at 360 px");
        await clinicianJourney.CheckAsync("own-exercises-session-360px");
        await clinician.SetViewportSizeAsync(1440, 900);
        await clinician.GotoAsync("/clinician");
        await Assertions.Expect(clinician.Locator("main")).ToContainTextAsync("Stopped Wall bridge hold");
        await clinicianJourney.CheckAsync("caseload-stop");

        // The FHIR export, from the visible link on the patient's Exports section.
        await clinician.GotoAsync($"/clinician/patients/{patientId}/exports");
        await clinicianJourney.CheckAsync("exports");
        var download = await clinician.RunAndWaitForDownloadAsync(() =>
            clinician.GetByRole(AriaRole.Link, new() { Name = "FHIR R4 bundle" }).ClickAsync());
        var bundle = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Wall bridge hold", bundle, StringComparison.Ordinal);
        Assert.Contains("Stop if your groin hurts more.", bundle, StringComparison.Ordinal);

        // The clinician's library page, at desktop width.
        await clinician.GotoAsync("/clinician/exercises");
        await clinicianJourney.CheckAsync("library");
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

    /// <summary>A clinician as the operator makes one, who has already chosen their own password; two-factor set up through the pages.</summary>
    private async Task<string> SignInClinicianAsync(IPage page, string email)
    {
        await app.CreateStaffAsync(Roles.Clinician, email, "Dr Ana Silva", StaffPassword);
        var id = await app.InDatabaseAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Email == email);
            account.PasswordChangeRequired = false; // ClinicianJourney walks the password change; not repeated here
            await db.SaveChangesAsync();
            return account.Id;
        });
        await PasswordSignInAsync(page, email);
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("li code").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await PasswordSignInAsync(page, email);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CaseloadUrl());
        return id;
    }

    private static async Task PasswordSignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A code of a 30-second step not used yet (each step is accepted once).</summary>
    private static string Code(string base32Key)
    {
        var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, s_lastStep + 1);
        s_lastStep = step;
        return new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    private static long s_lastStep;

    [GeneratedRegex("/clinician$")] private static partial Regex CaseloadUrl();
    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/check-in\\?saved=1$")] private static partial Regex SavedCheckInUrl();
}
