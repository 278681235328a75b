using System.Globalization;

namespace IlioCare.Web.Features.Sessions;

/// <summary>"5 minutes ago", "yesterday": plain words for the sessions list, with no time zone to get wrong.</summary>
internal static class LastSeen
{
    public static string Ago(DateTime nowUtc, DateTime thenUtc)
    {
        var gone = nowUtc - thenUtc;
        return gone switch
        {
            _ when gone < TimeSpan.FromMinutes(2) => "just now",
            _ when gone < TimeSpan.FromHours(1) => $"{Whole(gone.TotalMinutes)} minutes ago",
            _ when gone < TimeSpan.FromHours(2) => "an hour ago",
            _ when gone < TimeSpan.FromDays(1) => $"{Whole(gone.TotalHours)} hours ago",
            _ when gone < TimeSpan.FromDays(2) => "yesterday",
            _ => $"{Whole(gone.TotalDays)} days ago",
        };
    }

    private static string Whole(double value) => ((int)Math.Floor(value)).ToString(CultureInfo.InvariantCulture);
}
