using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>The exercise library and the program page (F5, F6) at 360 px; run one at a time (2 cores, RECIPES.md).</summary>
public sealed partial class LibraryAndProgramJourneys(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Visitor_OpensTheLibraryOnAPhone_AndSeesBothDrawingsOfAnExercise()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "library-360px");
        var page = journey.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
        var library = new LibraryPage(page);
        await Assertions.Expect(library.Heading).ToHaveTextAsync("Exercise library");
        await Assertions.Expect(library.Group("Strengthening")).ToBeVisibleAsync();
        await journey.CheckAsync("library");
        await NoSidewaysScrollAsync(page);

        await library.Exercise("Butterfly stretch").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ButterflyUrl());
        var exercise = new LibraryExercisePage(page);
        await Assertions.Expect(exercise.Heading).ToHaveTextAsync("Butterfly stretch");
        foreach (var drawing in new[] { exercise.Drawing("Start: sitting on the floor"), exercise.Drawing("End: sitting, soles together") })
        {
            await Assertions.Expect(drawing).ToBeVisibleAsync();
            Assert.True(await drawing.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the SVG loads");
        }
        await journey.CheckAsync("butterfly-stretch");
        await NoSidewaysScrollAsync(page);

        await page.GotoAsync("/library/self-massage");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sore spots, in this order" })).ToBeVisibleAsync();
        await journey.CheckAsync("self-massage");
    }

    [Fact]
    public async Task Patient_OpensTheProgram_AndSeesPhaseWhyAndWhatMovesItOn()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "program-360px");
        var page = journey.Page;

        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 41, side: "Right", days: 14, painNow: 2, painWorst: 4);
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Cycling");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync($"cyclist-{Guid.NewGuid():N}@example.com", "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 240, timeZone: "Europe/Paris", sessionTime: "07:30");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your phase now: Restore" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Your program starts in restore, as your assessment suggested.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What moves you on" })).ToBeVisibleAsync();
        await journey.CheckAsync("program");
        await NoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Seated marching" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seated marching");
        await journey.CheckAsync("seated-marching");
    }

    /// <summary>360 px must not need sideways scrolling (WCAG 2.2 reflow), the nav may wrap.</summary>
    private static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px");

    [GeneratedRegex("/library/butterfly-stretch$")] private static partial Regex ButterflyUrl();
}

public sealed class LibraryPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Group(string kind) => page.GetByRole(AriaRole.Heading, new() { Name = kind, Level = 2 });
    public ILocator Exercise(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}

public sealed class LibraryExercisePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Drawing(string altStart) => page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^" + Regex.Escape(altStart)) });
}
