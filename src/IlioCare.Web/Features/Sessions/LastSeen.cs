using System.Globalization;

namespace IlioCare.Web.Features.Sessions;

/// <summary>"5 minutes ago", "yesterday": plain words for the sessions list, with no time zone to get wrong.</summary>
internal static class LastSeen
{
    /// <summary>How long ago, in the English words; the sessions section says <see cref="Of"/> in the reader's language.</summary>
    public static string Ago(DateTime nowUtc, DateTime thenUtc) => Of(nowUtc, thenUtc) switch
    {
        (AgoUnit.JustNow, _) => "just now",
        (AgoUnit.Minutes, var n) => $"{Whole(n)} minutes ago",
        (AgoUnit.AnHour, _) => "an hour ago",
        (AgoUnit.Hours, var n) => $"{Whole(n)} hours ago",
        (AgoUnit.Yesterday, _) => "yesterday",
        (_, var n) => $"{Whole(n)} days ago",
    };

    /// <summary>The step of the scale and the whole count in it (minutes, hours or days; 0 where no number is said).</summary>
    public static (AgoUnit Unit, int Count) Of(DateTime nowUtc, DateTime thenUtc)
    {
        var gone = nowUtc - thenUtc;
        return gone switch
        {
            _ when gone < TimeSpan.FromMinutes(2) => (AgoUnit.JustNow, 0),
            _ when gone < TimeSpan.FromHours(1) => (AgoUnit.Minutes, Floor(gone.TotalMinutes)),
            _ when gone < TimeSpan.FromHours(2) => (AgoUnit.AnHour, 1),
            _ when gone < TimeSpan.FromDays(1) => (AgoUnit.Hours, Floor(gone.TotalHours)),
            _ when gone < TimeSpan.FromDays(2) => (AgoUnit.Yesterday, 1),
            _ => (AgoUnit.Days, Floor(gone.TotalDays)),
        };
    }

    private static int Floor(double value) => (int)Math.Floor(value);

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The steps of "how long ago".</summary>
internal enum AgoUnit { JustNow, Minutes, AnHour, Hours, Yesterday, Days }
