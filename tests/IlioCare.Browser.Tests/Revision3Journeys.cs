using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// SPEC §3 revision 3 and F18's age rules through a real browser, at 360 px and on a desktop, axe on every page.
/// </summary>
public sealed class Revision3Journeys(AppServer app) : IClassFixture<AppServer>
{
    private const string Pregnancy = "I am pregnant, or I gave birth in the last 6 weeks";
    private const string ScrotalPain = "Pain or swelling in a testicle or the scrotum (the skin bag that holds the testicles)";

    [Fact]
    public async Task Fourteen_NoWarningSigns_SeesTheParentAndDoctorNoticeAboveTheFold_AndNoProgram()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 640);
        var journey = new Journey(await context.NewPageAsync(), "under-16-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 14, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();

        var result = new ResultPage(page);
        await Assertions.Expect(result.Heading).ToHaveTextAsync("You can start with self-care");
        await Assertions.Expect(result.UnderSixteenNotice).ToBeInViewportAsync(new() { Ratio = 1 }); // no scrolling at 360 × 640
        await Assertions.Expect(result.StartProgram).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("IlioCare accounts start at 16")).ToBeVisibleAsync();
        await journey.CheckAsync("result");
    }

    [Fact]
    public async Task UnderTen_IsToldAsAParent_ThatTheChildNeedsADoctor()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 640);
        var journey = new Journey(await context.NewPageAsync(), "under-10-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 6, side: "Right", days: 2, painNow: 4, painWorst: 6);
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A child under 10 needs a doctor" })).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByText("A child under 10 with hip pain or a limp should see a doctor today.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "112", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("from 10 to 110")).ToHaveCountAsync(0);
        await journey.CheckAsync("refused");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // CSS :has() alone: the page needs no script
    public async Task PregnancyQuestion_HiddenForMale_ScrotalPainHiddenForFemale(bool javaScript)
    {
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, BypassCSP = true, JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var journey = new Journey(await context.NewPageAsync(), $"questions-by-sex-js-{javaScript}");
        var page = journey.Page;
        await new AssessmentPage(page).OpenAsync();
        var sex = page.GetByRole(AriaRole.Group, new() { Name = "Sex (optional)" });
        var pregnancy = page.GetByLabel(Pregnancy);
        var scrotal = page.GetByLabel(ScrotalPain);

        // Sex not given: both asked.
        await Assertions.Expect(pregnancy).ToBeVisibleAsync();
        await Assertions.Expect(scrotal).ToBeVisibleAsync();

        await sex.GetByRole(AriaRole.Radio, new() { Name = "Male", Exact = true }).CheckAsync();
        await Assertions.Expect(pregnancy).ToBeHiddenAsync();
        await Assertions.Expect(scrotal).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("I take a medicine that thins the blood", new() { Exact = false })).ToBeVisibleAsync();
        if (javaScript) await journey.CheckAsync("male"); // axe-core needs script

        await sex.GetByRole(AriaRole.Radio, new() { Name = "Female", Exact = true }).CheckAsync();
        await Assertions.Expect(pregnancy).ToBeVisibleAsync();
        await Assertions.Expect(scrotal).ToBeHiddenAsync();

        await sex.GetByRole(AriaRole.Radio, new() { Name = "Other", Exact = true }).CheckAsync();
        await Assertions.Expect(pregnancy).ToBeVisibleAsync();
        await Assertions.Expect(scrotal).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ScrotalPainWithinADay_IsAnEmergency_WithTheEmergencyNumber_OnAPhone()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "scrotal-pain-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Sex (optional)" }).GetByRole(AriaRole.Radio, new() { Name = "Male", Exact = true }).CheckAsync();
        await assessment.AnswerAsync(age: 15, side: "Right", days: 1, painNow: 6, painWorst: 8);
        await assessment.TickWarningSignAsync(ScrotalPain);
        await journey.CheckAsync("assessment");
        await assessment.SubmitAsync();

        var result = new ResultPage(page);
        await Assertions.Expect(result.Heading).ToHaveTextAsync("Go to emergency care now");
        await Assertions.Expect(result.EmergencyNumber("112")).ToBeVisibleAsync();
        await Assertions.Expect(result.UnderSixteenNotice).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why we say go now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("it has twisted (torsion)", new() { Exact = false })).ToBeVisibleAsync();
        // Pain 8 (routine) and very bad pain in the last day (urgent) are not the reason to go now.
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Also tell the doctor about" })
            .GetByText("Pain reaching 8 out of 10")).ToBeVisibleAsync();
        await journey.CheckAsync("result");
    }
}
