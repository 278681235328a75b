#if !POSTGRES // reads files and English pages only: the provider does not matter, so it runs once (plain test project)
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Web.Tests;

/// <summary>
/// Every word in two languages (issue 16). The English text is the key (<c>L["Check in today"]</c>) and each type has
/// one Spanish file, <c>Resources/&lt;folder of the type&gt;/&lt;Type&gt;.es.resx</c>; a key with no Spanish reads in
/// English on a Spanish page, silently. So this test reads the sources: every literal key has a non-empty Spanish
/// value with the same placeholders, every Spanish entry is still used, every file is XML.
/// </summary>
public sealed partial class LocalizationResourceTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    /// <summary>The sport warnings carry the patient's own numbers, so ReasonWords translates their whole sentence (ReasonWordsTests).</summary>
    private static readonly string[] WordedByReasonWords = ["over-cap", "over-10-percent", "high-acwr"];

    /// <summary>
    /// Keyed by data, not by literals in the sources: codes, the catalogue's English, the drawings' descriptions, the
    /// engine's sentence shapes (each has its own completeness test: PatientWordsTests, LibraryPageTests, ReasonWordsTests).
    /// </summary>
    private static readonly string[] KeyedByData = ["PatientWords", "ExerciseWords", "Diagram", "ReasonWords"];

    private static readonly Lazy<string> Web = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "IlioCare.Web");
            if (File.Exists(Path.Combine(candidate, "IlioCare.Web.csproj"))) return candidate;
        }
        throw new InvalidOperationException("src/IlioCare.Web not found above " + AppContext.BaseDirectory);
    });

    private static string Resources => Path.Combine(Web.Value, "Resources");

    /// <summary>Source files of the app (not build output).</summary>
    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Web.Value, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "Resources"));

    private static string Relative(string path) => Path.GetRelativePath(Web.Value, path).Replace('\\', '/');

    /// <summary>
    /// The resx of the type a file's <c>L</c> reads: the type it names in <c>IStringLocalizer&lt;T&gt; L</c> (or, without
    /// one, the file's own type, "Foo.razor.cs" being Foo), found beside the file's folder under Resources/.
    /// </summary>
    private static string ResourceFor(string file, string text)
    {
        var folder = Path.GetDirectoryName(Relative(file))!.Replace('\\', '/');
        var type = Path.GetFileName(file).Split('.')[0];
        // The localizer named L; else (L is a local, e.g. `var L = words ?? English`) the first typed localizer the file takes.
        var declared = LocalizerType().Match(text) is { Success: true } l ? l : AnyLocalizerType().Match(text);
        if (declared is { Success: true } named && named.Groups[1].Value != type)
        {
            var elsewhere = Directory.Exists(Resources)
                ? Directory.EnumerateFiles(Resources, named.Groups[1].Value + ".es.resx", SearchOption.AllDirectories).ToList()
                : [];
            if (elsewhere.Count == 1) return elsewhere[0];
            type = named.Groups[1].Value;
        }
        return Path.Combine(Resources, folder, type + ".es.resx");
    }

    /// <summary>The literal keys of <c>L["…"]</c> in C# and Razor, unescaped.</summary>
    internal static IEnumerable<string> KeysIn(string text) =>
        Key().Matches(text).Select(m => Regex.Unescape(m.Groups[1].Value));

    private static Dictionary<string, string> Entries(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>resx file → the keys the sources use with it.</summary>
    private static Dictionary<string, HashSet<string>> UsedKeys()
    {
        var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Sources())
        {
            var text = File.ReadAllText(file);
            var keys = KeysIn(text).ToList();
            if (keys.Count == 0) continue;
            var resx = Path.GetFullPath(ResourceFor(file, text));
            if (!used.TryGetValue(resx, out var set)) used[resx] = set = new(StringComparer.Ordinal);
            set.UnionWith(keys);
        }
        return used;
    }

    private static IEnumerable<string> ResxFiles() =>
        Directory.Exists(Resources) ? Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories) : [];

    [Fact]
    public void TheScan_FindsKeys_InRazorAndCSharp_WithEscapes()
    {
        Assert.Equal(["Hello {0},", "Say \"hi\"", "Day {0} of {1}"],
            KeysIn("""@L["Hello {0},"] x L["Say \"hi\""] y L[ "Day {0} of {1}", day, total] z Lx["no"] @AL["no"]"""));
        // It finds the layout's words, so a broken scan cannot pass by finding nothing.
        Assert.Contains(UsedKeys(), u => u.Key.EndsWith("MainLayout.es.resx", StringComparison.Ordinal) && u.Value.Contains("Skip to main content"));
    }

    [Fact]
    public void EveryResxFile_IsXml_WithOnlyValuedEntries()
    {
        Assert.NotEmpty(ResxFiles());
        foreach (var resx in ResxFiles())
        {
            var entries = Entries(resx); // throws on bad XML or a repeated name
            Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{Relative(resx)}: \"{e.Key}\" has no text"));
        }
    }

    [Fact]
    public void EveryLiteralKey_HasASpanishValue_WithItsPlaceholders()
    {
        var missing = new List<string>();
        foreach (var (resx, keys) in UsedKeys())
        {
            if (!File.Exists(resx))
            {
                missing.Add($"{Relative(resx)} is missing ({keys.Count} keys, e.g. \"{keys.First()}\")");
                continue;
            }
            var entries = Entries(resx);
            foreach (var key in keys)
            {
                if (!entries.TryGetValue(key, out var spanish) || string.IsNullOrWhiteSpace(spanish))
                    missing.Add($"{Relative(resx)}: no Spanish for \"{key}\"");
                else
                    missing.AddRange(Placeholder().Matches(key).Select(p => p.Value).Distinct()
                        .Where(p => !spanish.Contains(p, StringComparison.Ordinal))
                        .Select(p => $"{Relative(resx)}: \"{key}\" → \"{spanish}\" lost {p}"));
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void EverySpanishEntry_IsStillUsed()
    {
        var used = UsedKeys();
        var stale = new List<string>();
        foreach (var resx in ResxFiles().Where(f => f.EndsWith(".es.resx", StringComparison.Ordinal)))
        {
            if (KeyedByData.Any(t => Path.GetFileName(resx).StartsWith(t + ".", StringComparison.Ordinal))) continue;
            var keys = used.GetValueOrDefault(Path.GetFullPath(resx)) ?? [];
            stale.AddRange(Entries(resx).Keys.Where(k => !keys.Contains(k)).Select(k => $"{Relative(resx)}: \"{k}\" is not used"));
        }
        Assert.True(stale.Count == 0, string.Join("\n", stale));
    }

    /// <summary>
    /// PatientWords is keyed by code: once its Spanish file exists (i16-words), every code a patient can be shown —
    /// the triage rules' and the patterns and warnings written in IlioCare.Clinical — has an entry in both languages.
    /// </summary>
    [Fact]
    public void PatientWords_HasEveryClinicalCode_InBothLanguages_OnceItsFilesExist()
    {
        var spanish = Path.Combine(Resources, "Features", "Words", "PatientWords.es.resx");
        var english = Path.Combine(Resources, "Features", "Words", "PatientWords.resx");
        var codes = ClinicalCodes();
        Assert.Contains("overuse", codes); // the scan of the clinical sources works
        Assert.Contains("possible-cauda-equina", codes);
        Assert.Contains("bladder-or-bowel-change", codes);
        foreach (var file in new[] { spanish, english }.Where(File.Exists))
        {
            var entries = Entries(file);
            var absent = codes.Where(c => !entries.ContainsKey(c) && !WordedByReasonWords.Contains(c)).ToList();
            Assert.True(absent.Count == 0, $"{Relative(file)} lacks: {string.Join(", ", absent)}");
        }
    }

    /// <summary>ExerciseWords is keyed by the catalogue's English: once its Spanish file exists (i16-content), all of it.</summary>
    [Fact]
    public void ExerciseWords_HasTheWholeCatalogue_OnceItsFileExists()
    {
        var texts = ExerciseCatalogue.All.SelectMany(e => (string[])[e.Name, e.SafetyNote, .. e.Steps]).Distinct().ToList();
        Assert.NotEmpty(texts);
        var spanish = Path.Combine(Resources, "Features", "Library", "ExerciseWords.es.resx");
        if (!File.Exists(spanish)) return;
        var entries = Entries(spanish);
        var absent = texts.Where(t => !entries.ContainsKey(t)).ToList();
        Assert.True(absent.Count == 0, $"ExerciseWords.es.resx lacks: {string.Join(" | ", absent)}");
    }

    /// <summary>
    /// The warning signs (each is a bare triage rule of its own code), the named triage rules, and every
    /// <c>new("code", "Text")</c> Finding written in IlioCare.Clinical.
    /// </summary>
    private static HashSet<string> ClinicalCodes()
    {
        var clinical = Path.Combine(Web.Value, "..", "IlioCare.Clinical");
        var codes = new HashSet<string>(WireName.All<WarningSign>(), StringComparer.Ordinal);
        codes.UnionWith(PatternCodes.All); // the patterns are named constants now, not literals in `new(...)`
        foreach (var file in Directory.EnumerateFiles(clinical, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            codes.UnionWith(FindingCode().Matches(text).Select(m => m.Groups[1].Value));
            codes.UnionWith(RuleCode().Matches(text).Select(m => m.Groups[1].Value));
        }
        return codes;
    }

    /// <summary>
    /// English sentences known to be on these signed-out pages: none may show on the Spanish page (the lead extends the
    /// list as pages are translated).
    /// </summary>
    public static TheoryData<string, string> EnglishSentences => new()
    {
        { "/", "Skip to main content" },
        { "/", "It does not diagnose." },
        { "/", "In an emergency call" },
        { "/terms", "Skip to main content" },
        { "/terms", "In an emergency call" },
    };

    [Theory]
    [MemberData(nameof(EnglishSentences))]
    public async Task ASpanishPage_ShowsNoKnownEnglishSentence(string page, string english)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(english, html, StringComparison.Ordinal);

        // The same page in English shows it: the sentence list is not stale.
        using var englishClient = factory.CreateClient();
        var englishHtml = WebUtility.HtmlDecode(await (await englishClient.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains(english, englishHtml, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(?<![\w.])L\[\s*"((?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex Key();

    [GeneratedRegex(@"IStringLocalizer<(\w+)>\??\s+\w+")]
    private static partial Regex AnyLocalizerType();

    [GeneratedRegex(@"IStringLocalizer<(\w+)>\s+L\b")]
    private static partial Regex LocalizerType();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""new(?:\s+Finding)?\("([a-z0-9]+(?:-[a-z0-9]+)+|[a-z]{4,})",\s*[$]?"[A-Z]""")]
    private static partial Regex FindingCode();

    [GeneratedRegex(@"new\(TriageLevel\.\w+,\s*""([a-z0-9-]+)""")]
    private static partial Regex RuleCode();
}
#endif
