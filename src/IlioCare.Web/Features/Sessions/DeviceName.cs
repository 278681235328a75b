using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Sessions;

/// <summary>
/// "Firefox on Android": what the sessions list shows for a browser, from its User-Agent header. Enough to tell
/// your phone from your laptop; never the raw header (long, and whatever the sender put in it).
/// </summary>
internal static partial class DeviceName
{
    public const int MaxLength = 100;

    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", every browser on iOS says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"), ("curl/", "curl"), ("python-requests/", "Python script"), ("okhttp/", "Android app"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Macintosh", "Mac"), ("Mac OS X", "Mac"), ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown device";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.OrdinalIgnoreCase)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        var name = (browser, system) switch
        {
            (null, null) => "Unknown device",
            ({ } b, null) => b,
            (null, { } s) => $"Browser on {s}",
            ({ } b, { } s) => $"{b} on {s}",
        };
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }

    /// <summary>
    /// A stored name (written in English by <see cref="From"/>, old rows too) in the reader's words (issue 16):
    /// "Firefox on Linux" → "Firefox en Linux". Browser and system names are names in every language.
    /// </summary>
    public static string Words(string stored, IStringLocalizer<SessionsSection> L)
    {
        if (stored == "Unknown device") return L["Unknown device"];
        if (BrowserOn().Match(stored) is { Success: true } any) return L["Browser on {0}", any.Groups[1].Value];
        if (On().Match(stored) is { Success: true } m) return L["{0} on {1}", NonBrowser(m.Groups[1].Value, L), m.Groups[2].Value];
        return NonBrowser(stored, L);
    }

    /// <summary>The two non-browsers named in words rather than by a product name.</summary>
    private static string NonBrowser(string name, IStringLocalizer<SessionsSection> L) => name switch
    {
        "Python script" => L["Python script"],
        "Android app" => L["Android app"],
        _ => name,
    };

    [GeneratedRegex("^Browser on (.+)$")]
    private static partial Regex BrowserOn();

    [GeneratedRegex("^(.+) on (.+)$")]
    private static partial Regex On();
}
