namespace IlioCare.Web.Features.Sessions;

/// <summary>
/// "Firefox on Android": what the sessions list shows for a browser, from its User-Agent header. Enough to tell
/// your phone from your laptop; never the raw header (long, and whatever the sender put in it).
/// </summary>
internal static class DeviceName
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
}
