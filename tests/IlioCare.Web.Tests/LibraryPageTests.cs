using System.Net;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Safety;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>The public exercise library (F6): no account, every entry, both drawings, unknown ids are 404.</summary>
public sealed class LibraryPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    public static TheoryData<string> Ids => new(ExerciseCatalogue.All.Select(e => WireName.Of(e.Id)));

    [Fact]
    public async Task Library_Visitor_SeesEveryExerciseGroupedByKind()
    {
        var response = await new FormClient(factory).GetAsync("/library");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var positions = new[] { ">Stretches<", ">Strengthening<", ">Massage<", ">Warm-up<" }.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        foreach (var exercise in ExerciseCatalogue.All)
            Assert.Contains($"href=\"/library/{WireName.Of(exercise.Id)}\">{exercise.Name}</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Exercise_Renders_BothIllustrationsWithTheirTitlesAsAlt_StepsDoseAndSafety(string id)
    {
        var response = await new FormClient(factory).GetAsync($"/library/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(WireName.TryParse<ExerciseId>(id, out var exerciseId));
        var exercise = ExerciseCatalogue.Get(exerciseId);
        foreach (var position in new[] { "start", "end" })
        {
            Assert.Contains($"src=\"/img/exercises/{id}-{position}.svg\"", html, StringComparison.Ordinal);
            var svg = await (await new FormClient(factory).GetAsync($"/img/exercises/{id}-{position}.svg")).Content.ReadAsStringAsync();
            var title = System.Text.RegularExpressions.Regex.Match(svg, "<title[^>]*>([^<]+)</title>").Groups[1].Value;
            Assert.Contains($"alt=\"{WebUtility.HtmlDecode(title)}\"", html, StringComparison.Ordinal);
        }
        Assert.All(exercise.Steps, step => Assert.Contains(step, html, StringComparison.Ordinal));
        Assert.Contains(exercise.SafetyNote, html, StringComparison.Ordinal);
        // The dose in plain words (docs/words.md), never the catalogue's arrows or a spec reference.
        Assert.Contains(PlainDose(exercise), html, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("§", html, StringComparison.Ordinal);
        Assert.DoesNotContain("→", html, StringComparison.Ordinal);
        Assert.Contains("Based on: the article on iliopsoas pain", html, StringComparison.Ordinal);
    }

    private static string PlainDose(Exercise exercise) => exercise.Id switch
    {
        ExerciseId.ButterflyStretch => "3 holds of 20 seconds at first, then 25 seconds, then 30 seconds.",
        ExerciseId.SelfMassage => "15 strokes on each sore spot.",
        ExerciseId.SportWarmUp => "10 minutes, right before every sport session.",
        _ when exercise.Kind == ExerciseKind.Strength => "2 sets of 15, no band, once a day with each leg at first.",
        _ => "10 each side at first, then 12, then 15.",
    };

    [Fact]
    public void ExerciseWords_EveryCatalogueTextAPatientReads_HasASpanishEntry()
    {
        // Reflect over the catalogue: every string property of every entry (name, dose text, safety note), every
        // step, every tender spot and massage question, and the drawings' titles (their alt text) are looked up in
        // ExerciseWords.es.resx through the app's own localizer.
        var words = (Microsoft.Extensions.Localization.IStringLocalizer)factory.Services.GetRequiredService(
            typeof(Microsoft.Extensions.Localization.IStringLocalizer<IlioCare.Web.Features.Library.ExerciseWords>));
        var texts = new List<string>();
        foreach (var exercise in ExerciseCatalogue.All)
        {
            texts.AddRange(typeof(Exercise).GetProperties()
                .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(Exercise.Source)) // Source is never shown
                .Select(p => (string)p.GetValue(exercise)!));
            texts.AddRange(exercise.Steps);
        }
        texts.AddRange(ExerciseCatalogue.TenderSpots.Select(ExerciseCatalogue.Describe));
        texts.AddRange(Enum.GetValues<MassageCaution>().Select(MassageSafety.Question));
        var env = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>();
        foreach (var svg in env.WebRootFileProvider.GetDirectoryContents("img/exercises").Where(f => f.Name.EndsWith(".svg", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(svg.CreateReadStream());
            texts.Add(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(reader.ReadToEnd(), "<title[^>]*>([^<]+)</title>").Groups[1].Value));
        }
        Assert.True(texts.Count > 60, $"only {texts.Count} texts found");

        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("es");
            var missing = texts.Distinct().Where(t => words[t].ResourceNotFound || words[t].Value == t).ToArray();
            Assert.True(missing.Length == 0, "No Spanish for: " + string.Join(" | ", missing));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task SelfMassage_ListsTenderSpotsTopDown_With15Strokes_AndTheSafetyCheck()
    {
        var html = WebUtility.HtmlDecode(await (await new FormClient(factory).GetAsync("/library/self-massage")).Content.ReadAsStringAsync());
        var spots = ExerciseCatalogue.TenderSpots.Select(s => html.IndexOf($"{ExerciseCatalogue.Describe(s)}: 15 strokes", StringComparison.Ordinal)).ToArray();
        Assert.All(spots, p => Assert.True(p > 0));
        Assert.Equal(spots.Order(), spots);
        Assert.All(Enum.GetValues<MassageCaution>(), c => Assert.Contains(MassageSafety.Question(c), html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/library/nope")]
    [InlineData("/library/Self-Massage")] // ids are exact (SPEC §2 spelling)
    public async Task UnknownExercise_Is404Page(string url)
    {
        var response = await new FormClient(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_LinksTheLibrary_AndSignedInTheProgramAndCheckIn()
    {
        var visitor = await (await new FormClient(factory).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/library\"", visitor, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/program\"", visitor, StringComparison.Ordinal);
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, "home-links@example.com");
        var patient = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/program\"", patient, StringComparison.Ordinal);
        Assert.Contains("href=\"/check-in\"", patient, StringComparison.Ordinal);
    }
}
