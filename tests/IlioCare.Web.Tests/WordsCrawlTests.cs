using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using IlioCare.Clinical;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using Microsoft.AspNetCore.Components;
using Xunit.Abstractions;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// The people and states the crawl visits (issue 16): signed out; a patient just onboarded; one paused by a warning
/// sign; one whose session was stopped twice for pain (a flare); one with 8 weeks of history; a clinician linked to
/// all four; an admin. Built once through the real pages and stored rows, shared by the English and Spanish crawls.
/// </summary>
public sealed class WordsCrawlWorld : IAsyncLifetime
{
    public IlioCareFactory Factory { get; } = new();
    public List<(string Name, HttpClient Http)> Viewers { get; } = [];
    public List<string> PatientIds { get; } = [];
    public List<string> AssessmentIds { get; } = [];

    /// <summary>
    /// Words the crawl's people typed themselves (the 8-week patient's own activities for the function scores): a page
    /// shows them as they were written, in whatever language that was, so they are not English the app wrote.
    /// </summary>
    public IReadOnlySet<string> TypedByPeople { get; } = new HashSet<string>(EightWeekHistory.Activities, StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var factory = Factory;
        EightWeekHistory.MoveToMonday(factory.Clock); // 09:00 in Paris: every patient's days start together

        var fresh = await PatientAsync("crawl-new@example.com", "patient (new)");

        var paused = await PatientAsync("crawl-paused@example.com", "patient (paused by a warning sign)");
        Assert.Equal("/program/paused", PathOf(await CheckInAsync(paused, Answers(sign: "fever"))));

        var flare = await PatientAsync("crawl-flare@example.com", "patient (stopped twice: flare)");
        await CheckInAsync(flare, Answers(painNow: 1));
        foreach (var exercise in new[] { "straight-leg-raise", "seated-marching" })
        {
            var stop = await flare.PostFormAsync($"/today/session/{exercise}", "exercise-log",
                [F("Form.PainBefore", "2"), F("Form.PainDuring", "5"), F("Form.Outcome", "pain-went-up")]);
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        }

        var history = await PatientAsync("crawl-history@example.com", "patient (8 weeks of history)");
        var today = EightWeekHistory.Today(factory.Clock);
        await factory.InDatabaseAsync(async db => { await EightWeekHistory.SeedAsync(db, PatientIds[^1], today, functionalScale: true); return 0; });

        var clinician = await Staff.SignInClinicianAsync(factory);
        foreach (var patient in PatientIds) await Clinicians.LinkAsync(factory, patient, clinician.AccountId);
        Viewers.Add(("clinician", clinician.Http));
        Viewers.Add(("admin", (await Staff.SignInAdminAsync(factory)).Http));
        Viewers.Insert(0, ("signed out", new FormClient(factory).Http));
        _ = (fresh, history);
    }

    private async Task<FormClient> PatientAsync(string email, string name)
    {
        var client = new FormClient(Factory);
        var assessment = await Patients.TakeAssessmentAsync(client);
        AssessmentIds.Add(assessment.Split('/').Last());
        await Patients.SignUpAsync(client, email, AssessmentIds[^1]);
        await Patients.ConfirmEmailAsync(Factory, email);
        var onboarding = await client.PostFormAsync("/onboarding", "onboarding",
        [
            F("Form.Side", "left"), F("Form.Sports", "running"), F("Form.PreInjuryWeeklyMinutes", "180"),
            F("Form.TimeZone", "Europe/Paris"), F("Form.SessionTime", "18:30"),
            F("Form.Pregnancy", "no"), F("Form.BloodThinners", "no"), F("Form.RecentAbdominalSurgery", "no"),
            F("Form.AorticAneurysm", "no"), F("Form.Hernia", "yes"),
        ]);
        Assert.Equal("/today", PathOf(onboarding));
        PatientIds.Add((await Factory.InDatabaseAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)))).Id);
        Viewers.Add((name, client.Http));
        return client;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Issue 16: every page, for every kind of reader and in the app's main states, is fetched and its visible text
/// (tags, scripts and styles stripped) searched for words never shown to a person (docs/words.md): "SPEC", "§",
/// raw codes of IlioCare.Clinical (wire names such as <c>red-warm-skin</c>, enum names such as <c>SelfCare</c>,
/// camelCase names such as <c>stoppedForPain</c>) and field ids (<c>preInjuryWeeklyMinutes</c>, <c>massage-pregnancy:</c>).
/// </summary>
public sealed partial class WordsCrawlTests(WordsCrawlWorld world, ITestOutputHelper output) : IClassFixture<WordsCrawlWorld>
{
    /// <summary>Hyphenated codes that are also ordinary English words a page may use.</summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal) {
        "self-care", "self-massage", "warm-up", "check-in", "sign-up", "warning-sign", "lower-back", "iliopsoas-related",
    };

    /// <summary>Finding codes that are not enum wire names (load warnings: IlioCare.Clinical.Load.LoadGuard).</summary>
    private static readonly string[] OtherCodes = ["over-cap", "over-10-percent", "high-acwr"];

    [Fact]
    public async Task EveryPage_ForEveryReader_ShowsNoSpecReferenceRawCodeOrFieldId()
    {
        var (pages, findings) = await CrawlAsync(language: null);
        Assert.True(findings.Count == 0, $"{findings.Count} forbidden words on pages:\n" + string.Join("\n", findings));
        AssertTheCrawlSawThePages(pages);
    }

    /// <summary>
    /// The same crawl in Spanish (issue 16: "no Spanish page shows an English sentence"): signed-in viewers choose
    /// Spanish in the footer, the signed-out one sends <c>Accept-Language: es</c>. It fails on the same forbidden words
    /// and on any line that reads as English (<see cref="EnglishSentences"/>); the lines found are also written to
    /// /tmp/iliocare-words-es-&lt;provider&gt;.txt for diagnosis.
    /// </summary>
    [Fact]
    public async Task EveryPage_InSpanish_ShowsNoForbiddenWords_AndNoEnglishSentence()
    {
        var (pages, findings) = await CrawlAsync(language: "es");
        var english = Report(pages.SelectMany(p => EnglishSentences(p.Text).Where(s => !world.TypedByPeople.Contains(s))
            .Select(s => $"{p.Viewer} {p.Url}: \"{s}\"")).Distinct().ToList());
        Assert.True(findings.Count == 0, $"{findings.Count} forbidden words on Spanish pages:\n" + string.Join("\n", findings));
        Assert.True(english.Count == 0, $"{english.Count} English sentences on Spanish pages:\n" + string.Join("\n", english.Take(100)));
        AssertTheCrawlSawThePages(pages);
    }

    /// <summary>The detector itself: it finds English the app wrote, and leaves alone what reads the same in both languages.</summary>
    [Theory]
    [InlineData("Stop if the pain goes up while you do it.", true)]
    [InlineData("Firefox on Linux", true)]
    [InlineData("Week by week", true)]
    [InlineData("Back to settle because of a flare: this is a second exercise stopped for pain within 7 days.", true)]
    [InlineData("Para si el dolor sube mientras lo haces.", false)]
    [InlineData("Firefox en Linux", false)]
    [InlineData("Has tenido cáncer", false)]
    [InlineData("Dr Crawl · crawl-new@example.com", false)]
    [InlineData("0b0dfaf2be66", false)]
    [InlineData("IlioCare", false)]
    public void TheEnglishDetector_FindsEnglish_NotNamesAddressesOrIds(string line, bool english) =>
        Assert.Equal(english, EnglishSentences(line).Any());

    private List<string> Report(List<string> english)
    {
        var report = Path.Combine(Path.GetTempPath(), $"iliocare-words-es-{IlioCareFactory.Provider}.txt");
        File.WriteAllLines(report, english);
        output.WriteLine($"{english.Count} English sentences on Spanish pages (list in {report}):");
        foreach (var line in english.Take(400)) output.WriteLine(line);
        return english;
    }

    private static void AssertTheCrawlSawThePages(List<Page> pages)
    {
        // The crawl must have reached the pages behind sign-in, or a broken sign-in would make it pass on nothing.
        Assert.Contains(pages, p => p.Viewer == "patient (8 weeks of history)" && p.Url == "/progress");
        Assert.Contains(pages, p => p.Viewer == "patient (paused by a warning sign)" && p.Url == "/program/paused");
        Assert.Contains(pages, p => p.Viewer == "clinician" && p.Url == "/clinician");
        Assert.Contains(pages, p => p.Viewer == "clinician" && p.Url.StartsWith("/clinician/patients/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Viewer == "admin" && p.Url == "/admin/clinicians");
        Assert.Contains(pages, p => p.Viewer == "signed out" && p.Url == "/assessment");
    }

    private sealed record Page(string Viewer, string Url, string Text);

    private async Task<(List<Page> Pages, List<string> Findings)> CrawlAsync(string? language)
    {
        var pages = new List<Page>();
        var findings = new List<string>();
        var urls = Urls();
        await ChooseLanguageAsync(language ?? "en");
        foreach (var (viewer, http) in world.Viewers)
        {
            foreach (var url in urls)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{viewer} GET {url}: {status}");
                if (status is >= 300 and < 400) continue; // sign-in first, or elsewhere: that page is crawled on its own
                var html = await response.Content.ReadAsStringAsync();
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = new Page(viewer, url, VisibleText(html));
                pages.Add(page);
                findings.AddRange(Forbidden(page.Text).Select(f => $"{viewer} {url} ({status}): {f}"));
            }
        }
        output.WriteLine($"{pages.Count} pages read ({language ?? "no Accept-Language"}), {findings.Count} findings.");
        return (pages, findings.Distinct().ToList());
    }

    /// <summary>
    /// A signed-in reader's saved language outranks Accept-Language (a patient who signed up in English keeps English),
    /// so each signed-in viewer chooses the crawl's language in the footer, as a person would; without this the
    /// "Spanish" crawl read every signed-in page in English. The signed-out viewer keeps no choice: its pages follow
    /// Accept-Language alone, the other way a language is picked.
    /// </summary>
    private async Task ChooseLanguageAsync(string language)
    {
        foreach (var (viewer, http) in world.Viewers.Where(v => v.Name != "signed out"))
        {
            var chosen = await new FormClient(http).PostFormAsync("/", "", [F("language", language), F("returnUrl", "/")], action: "/language");
            Assert.True(chosen.StatusCode == HttpStatusCode.Redirect, $"{viewer} choosing {language}: {(int)chosen.StatusCode}");
        }
    }

    /// <summary>Every page route of the web assembly, its parameters filled with real ids of the crawl's world.</summary>
    private List<string> Urls()
    {
        var exercises = WireName.All<ExerciseId>();
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["{Id:guid}"] = world.AssessmentIds,
            ["{PatientId}"] = world.PatientIds,
            ["{Id}"] = exercises,
            ["{ExerciseId}"] = exercises,
            ["{CustomId:long}"] = ["1"],
        };
        var templates = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var urls = new List<string>();
        foreach (var template in templates)
        {
            var parameter = Placeholder().Match(template);
            if (!parameter.Success)
            {
                urls.Add(template);
                continue;
            }
            Assert.True(values.TryGetValue(parameter.Value, out var fill), $"the crawl does not know how to fill {parameter.Value} in {template}: add real ids for it");
            urls.AddRange(fill.Select(v => template.Replace(parameter.Value, v, StringComparison.Ordinal)));
        }
        Assert.True(templates.Count > 30, $"only {templates.Count} routes found");
        return urls;
    }

    /// <summary>What a person sees: no scripts, styles, comments or tags; entities decoded; one space between words.</summary>
    internal static string VisibleText(string html)
    {
        var text = Hidden().Replace(html, " ");
        text = Tag().Replace(text, "\n");
        text = WebUtility.HtmlDecode(text);
        return string.Join("\n", text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    private static readonly Lazy<(HashSet<string> Codes, HashSet<string> EnumNames)> Vocabulary = new(BuildVocabulary);

    private static (HashSet<string>, HashSet<string>) BuildVocabulary()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var all = typeof(WireName).GetMethod(nameof(WireName.All))!;
        foreach (var type in new[] { typeof(Finding).Assembly, typeof(global::IlioCare.Data.PauseReason).Assembly }.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic))
        {
            IReadOnlyList<string> wire;
            try { wire = (IReadOnlyList<string>)all.MakeGenericMethod(type).Invoke(null, null)!; }
            catch (TargetInvocationException) { continue; } // an enum with no wire names is not shown as a code
            codes.UnionWith(wire.Where(c => c.Contains('-', StringComparison.Ordinal)));
            names.UnionWith(Enum.GetNames(type).Where(n => EnumName().IsMatch(n)));
        }
        codes.UnionWith(TriageReasons.Codes.Concat(PatternCodes.All).Concat(OtherCodes).Where(c => c.Contains('-', StringComparison.Ordinal)));
        codes.ExceptWith(EnglishWords);
        return (codes, names);
    }

    /// <summary>The forbidden words in <paramref name="text"/>, each with the words around it.</summary>
    internal static IEnumerable<string> Forbidden(string text)
    {
        var (codes, names) = Vocabulary.Value;
        foreach (Match m in Spec().Matches(text)) yield return $"\"{m.Value}\" in \"{Around(text, m)}\"";
        foreach (Match m in Token().Matches(text))
        {
            var token = m.Value;
            string? why = codes.Contains(token) ? "raw code"
                : names.Contains(token) ? "enum name"
                : CamelCase().IsMatch(token) ? "field id or code (camelCase)"
                : token.StartsWith("Form.", StringComparison.Ordinal) ? "field id"
                : null;
            if (why is null && FieldKey().IsMatch(text[m.Index..Math.Min(text.Length, m.Index + token.Length + 1)]) && !EnglishWords.Contains(token))
                why = "field id (key:)";
            if (why is not null) yield return $"{why} \"{token}\" in \"{Around(text, m)}\"";
        }
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 50);
        var end = Math.Min(text.Length, m.Index + m.Length + 50);
        return text[start..end].Replace('\n', ' ');
    }

    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "your", "to", "of", "is", "with", "for", "this", "that", "in", "on", "it", "are", "be", "or", "what",
        "when", "how", "not", "have", "will", "can", "from", "an", "at", "by", "if", "we", "our", "was", "do", "does", "out",
        // Not "has": Spanish says it too ("Has entrado como", "Has tenido cáncer").
    };

    private static readonly HashSet<string> SpanishMarkers = new(StringComparer.Ordinal)
    {
        "el", "la", "los", "las", "de", "que", "y", "en", "tu", "tus", "con", "para", "por", "es", "un", "una", "no", "lo", "se",
        "del", "al", "te", "si", "más", "cuando", "cómo", "qué", "hoy", "dolor", "ejercicio", "ejercicios",
    };

    /// <summary>
    /// Lines of a Spanish page that read as English: two English function words or more and more English than Spanish
    /// ones ("Stop if the pain goes up"), or a short phrase of three words or more with an English function word and no
    /// Spanish one ("Firefox on Linux"). Only function words count, so what is the same in both languages — a person's
    /// name, an e-mail address, "IlioCare", a browser, numbers, dates — is never flagged and needs no exemption.
    /// </summary>
    internal static IEnumerable<string> EnglishSentences(string text) =>
        text.Split('\n').Where(line =>
        {
            var words = Word().Matches(line.ToLowerInvariant()).Select(w => w.Value).ToArray();
            var english = words.Count(EnglishMarkers.Contains);
            var spanish = words.Count(SpanishMarkers.Contains);
            return (english >= 2 && english > spanish) || (english >= 1 && spanish == 0 && words.Length >= 3);
        });

    /// <summary>An enum member name of two words or more, as C# spells it: "SelfCare", "RedWarmSkin".</summary>
    [GeneratedRegex(@"^[A-Z][a-z0-9]+[A-Z]")]
    private static partial Regex EnumName();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v\u00a0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bSPEC\b|§")]
    private static partial Regex Spec();

    /// <summary>A word, with inner hyphens, dots or digits: "red-warm-skin", "Form.PainNow", "stoppedForPain".</summary>
    [GeneratedRegex(@"(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[a-z]+[0-9]*(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex CamelCase();

    /// <summary>A kebab-case key right before a colon, as an error summary printed "massage-pregnancy: …".</summary>
    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)+:$")]
    private static partial Regex FieldKey();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    /// <summary>A word: letters not glued to digits, so an id such as "0b0dfaf2be66" holds no word ("be").</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])")]
    private static partial Regex Word();
}
