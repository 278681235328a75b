using IlioCare.Web.Features.Sessions;

namespace IlioCare.Web.Tests;

/// <summary>What the sessions list calls a browser (issue 18): short, from the User-Agent, never the raw header.</summary>
public sealed class DeviceNameTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", "Chrome on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on Mac")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox on Linux")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("", "Unknown device")]
    [InlineData("<script>alert(1)</script>", "Unknown device")]
    public void From_NamesTheBrowserAndTheSystem(string userAgent, string expected) => Assert.Equal(expected, DeviceName.From(userAgent));

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(5, "5 minutes ago")]
    [InlineData(90, "an hour ago")]
    [InlineData(5 * 60, "5 hours ago")]
    [InlineData(30 * 60, "yesterday")]
    [InlineData(3 * 24 * 60, "3 days ago")]
    public void Ago_IsPlainWords(int minutes, string expected)
    {
        var now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, LastSeen.Ago(now, now.AddMinutes(-minutes)));
    }
}
