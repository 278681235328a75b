using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Learn;

/// <summary>One page of Learn (F1): its address, its heading and one line for the index.</summary>
internal sealed record LearnPageInfo(string Url, string Title, string Summary);

/// <summary>
/// What the Learn pages share: their list, the alt text of their diagrams and the warning signs by level.
/// The words are ours, built from the facts of the article (seed/iliopsoas-article.txt), never its sentences.
/// </summary>
// Not static: IStringLocalizer<LearnText> names its resource file, and a static type cannot be a type argument.
internal sealed partial class LearnText
{
    private LearnText() { }

    /// <summary>The Learn pages, in the reader's language (Resources/Features/Learn/LearnText.es.resx).</summary>
    public static IReadOnlyList<LearnPageInfo> Pages(IStringLocalizer<LearnText> L) =>
    [
        new("/learn/anatomy", L["Anatomy: iliacus, psoas and the bursa"],
            L["Where the hip-flexor muscles start and attach, what they do, and the small cushion under their tendon."]),
        new("/learn/conditions", L["Bursitis, tendonitis and snapping hip"],
            L["What goes wrong, why it happens, how it feels and what makes it worse."]),
        new("/learn/when-to-see-a-doctor", L["When to see a doctor"],
            L["The warning signs in plain words, and how soon to act on each."]),
    ];

    private static readonly ConcurrentDictionary<string, string> s_alt = new(StringComparer.Ordinal);

    public static string DiagramSrc(string name) => $"/img/anatomy/{name}.svg";

    /// <summary>
    /// A diagram's alt text is its own <c>&lt;title&gt;</c> (wwwroot/img/README.md), read once, so a redrawn
    /// picture never carries a stale description.
    /// </summary>
    public static string DiagramAlt(IWebHostEnvironment env, string name) =>
        s_alt.GetOrAdd(name, n =>
        {
            var file = env.WebRootFileProvider.GetFileInfo(DiagramSrc(n));
            if (!file.Exists) return $"Diagram: {n.Replace('-', ' ')}";
            using var reader = new StreamReader(file.CreateReadStream());
            var match = Title().Match(reader.ReadToEnd());
            return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : $"Diagram: {n.Replace('-', ' ')}";
        });

    /// <summary>
    /// The warning signs that reach <paramref name="level"/> on their own. The level comes from the assessment's
    /// own rules (SPEC §3, Assessor), asked about each sign alone, so this page can never disagree with the triage.
    /// </summary>
    public static IReadOnlyList<WarningSign> SignsAt(TriageLevel level) =>
        Enum.GetValues<WarningSign>().Where(s => LevelOf(s) == level).ToArray();

    /// <summary>A sign alone, for an adult of 30 with one sore side: no combination rule can fire.</summary>
    public static TriageLevel LevelOf(WarningSign sign) =>
        Assessor.Assess(new AssessmentInput(30, Side.Left, 0, 0, 0, [sign])).Triage;

    [GeneratedRegex("<title[^>]*>([^<]+)</title>")]
    private static partial Regex Title();
}
