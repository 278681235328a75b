namespace IlioCare.Web.Features.Today;

/// <summary>
/// A patient's "today" is a calendar day in their own time zone (SPEC §4 counting; STYLE: time comes in as
/// TimeProvider). Everything that counts days (check-ins, phase moves, the editable-until-the-day-ends rule)
/// should ask here.
/// </summary>
internal static class PatientToday
{
    public static DateOnly Date(TimeProvider clock, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
