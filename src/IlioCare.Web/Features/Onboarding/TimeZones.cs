namespace IlioCare.Web.Features.Onboarding;

/// <summary>
/// The IANA zones offered at onboarding. Without JavaScript the browser cannot tell us its zone, so the
/// patient picks one; a fixed list keeps the select short and every value valid on every server.
/// </summary>
internal static class TimeZones
{
    public static readonly IReadOnlyList<string> Offered =
    [
        "UTC",
        "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Paris", "Europe/Brussels",
        "Europe/Amsterdam", "Europe/Berlin", "Europe/Zurich", "Europe/Rome", "Europe/Vienna", "Europe/Prague",
        "Europe/Warsaw", "Europe/Copenhagen", "Europe/Oslo", "Europe/Stockholm", "Europe/Helsinki", "Europe/Athens",
        "Europe/Bucharest", "Europe/Kyiv", "Europe/Istanbul",
        "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi",
        "America/St_Johns", "America/Halifax", "America/New_York", "America/Chicago", "America/Denver",
        "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
        "America/Mexico_City", "America/Bogota", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
        "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo",
        "Australia/Perth", "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland",
    ];

    /// <summary>
    /// The zone as a patient names it in a sentence, its city ("Madrid", "Buenos Aires"): the region part of an IANA
    /// id ("Europe/") is an English word on a Spanish page and tells a patient nothing they do not know.
    /// </summary>
    public static string City(string zone) => zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
