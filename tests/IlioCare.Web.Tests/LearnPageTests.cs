using System.Net;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Assessment;

namespace IlioCare.Web.Tests;

/// <summary>Learn (F1): public pages, original diagrams with their titles as alt text, warning signs by level.</summary>
public sealed partial class LearnPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Theory]
    [InlineData("/learn")]
    [InlineData("/learn/anatomy")]
    [InlineData("/learn/conditions")]
    [InlineData("/learn/when-to-see-a-doctor")]
    public async Task LearnPage_RendersForAVisitor_WithoutInlineStyleOrScript(string url)
    {
        var response = await new FormClient(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1"));
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        // Inline script is what the CSP forbids; the one script every page loads is a versioned file of ours
        // (js/offline.js registers the service worker, issue 14) and the page works without it.
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"/js/[a-z-]+\\.js\\?v=[0-9a-f]{16}\")", html);
    }

    [Fact]
    public async Task Index_LinksEveryLearnPage()
    {
        var html = await (await new FormClient(factory).GetAsync("/learn")).Content.ReadAsStringAsync();
        foreach (var url in new[] { "/learn/anatomy", "/learn/conditions", "/learn/when-to-see-a-doctor" })
            Assert.Contains($"href=\"{url}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/learn/anatomy", "iliopsoas")]
    [InlineData("/learn/anatomy", "hip-side-view")]
    [InlineData("/learn/conditions", "snapping-hip")]
    public async Task Diagram_IsShown_WithItsTitleAsAlt(string url, string diagram)
    {
        var html = WebUtility.HtmlDecode(await (await new FormClient(factory).GetAsync(url)).Content.ReadAsStringAsync());
        var svg = await (await new FormClient(factory).GetAsync($"/img/anatomy/{diagram}.svg")).Content.ReadAsStringAsync();
        var title = WebUtility.HtmlDecode(Title().Match(svg).Groups[1].Value);
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Contains($"src=\"/img/anatomy/{diagram}.svg\" alt=\"{title}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hip-side-view")]
    [InlineData("snapping-hip")]
    public async Task NewDiagram_IsSmallAccessibleAndCspSafe(string diagram)
    {
        var response = await new FormClient(factory).GetAsync($"/img/anatomy/{diagram}.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = await response.Content.ReadAsByteArrayAsync();
        Assert.True(svg.Length < 4096, $"{diagram}.svg is {svg.Length} bytes");
        var text = System.Text.Encoding.UTF8.GetString(svg);
        Assert.Contains("role=\"img\"", text, StringComparison.Ordinal);
        Assert.Matches("<title[^>]*>[^<]{20,}</title>", text);
        Assert.DoesNotContain("style", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WhenToSeeADoctor_ListsEveryWarningSign_UnderTheLevelTheAssessmentGivesIt_WithTheEmergencyNumber()
    {
        var html = WebUtility.HtmlDecode(await (await new FormClient(factory).GetAsync("/learn/when-to-see-a-doctor")).Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"tel:112\">112</a>", html, StringComparison.Ordinal);
        var emergency = html.IndexOf("id=\"level-emergency\"", StringComparison.Ordinal);
        var urgent = html.IndexOf("id=\"level-urgent\"", StringComparison.Ordinal);
        var routine = html.IndexOf("id=\"level-routine\"", StringComparison.Ordinal);
        Assert.True(0 < emergency && emergency < urgent && urgent < routine);
        foreach (var sign in Enum.GetValues<WarningSign>())
        {
            var at = html.IndexOf($"<li>{WarningSigns.Question(sign)}</li>", StringComparison.Ordinal);
            var level = Assessor.Assess(new AssessmentInput(30, Side.Left, 0, 0, 0, [sign])).Triage;
            var (from, to) = level switch
            {
                TriageLevel.Emergency => (emergency, urgent),
                TriageLevel.Urgent => (urgent, routine),
                TriageLevel.Routine => (routine, html.Length),
                TriageLevel.SelfCare => (-1, -1),
            };
            Assert.True(from < at && at < to, $"{sign} ({level}) is not listed under its level");
        }
        Assert.True(html.IndexOf($"<li>{WarningSigns.Question(WarningSign.BladderOrBowelChange)}</li>", StringComparison.Ordinal) < urgent);
        Assert.True(html.IndexOf($"<li>{WarningSigns.Question(WarningSign.Fever)}</li>", StringComparison.Ordinal) > urgent);
    }

    [Fact]
    public async Task Conditions_NamesTheOveruseSports_AndWhatMakesItWorse()
    {
        var html = WebUtility.HtmlDecode(await (await new FormClient(factory).GetAsync("/learn/conditions")).Content.ReadAsStringAsync());
        foreach (var text in new[] { "Running", "Rowing", "Cycling", "Strength training", "Climbing stairs", "Getting up from a chair", "10 %" })
            Assert.Contains(text, html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Iliopsoas bursitis", "Iliopsoas tendonitis", "Snapping hip" })
            Assert.Contains($">{heading}</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anatomy_NamesTheThreeMusclesTheirStartsAndTheLesserTrochanter()
    {
        var html = await (await new FormClient(factory).GetAsync("/learn/anatomy")).Content.ReadAsStringAsync();
        foreach (var text in new[] { "Psoas major", "Iliacus", "Psoas minor", "lesser trochanter", "iliopsoas bursa", "T12", "L5", "pectineal line" })
            Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<title[^>]*>([^<]+)</title>")]
    private static partial Regex Title();
}
