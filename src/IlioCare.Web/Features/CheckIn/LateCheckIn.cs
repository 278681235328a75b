namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// Which day a posted check-in may be saved for (issue 14, README "Where the spec allowed two readings"). The form
/// carries the date it was made for, so a check-in filled in offline before midnight and sent after it keeps its day.
/// Today's is always accepted (F8: editable until the day ends). Yesterday's — in the patient's time zone — is
/// accepted as long as no later check-in exists (today's check-in has not been made, so today's review has not
/// judged from a day that then changes); it creates or replaces yesterday's check-in and runs yesterday's review.
/// Anything older, or dated after today, is refused.
/// </summary>
internal static class LateCheckIn
{
    /// <summary>Null when <paramref name="madeFor"/> may be saved; otherwise the plain reason it is refused.</summary>
    public static string? Refusal(DateOnly madeFor, DateOnly today, bool laterCheckInExists)
    {
        if (madeFor == today) return null;
        if (madeFor > today)
            return $"This check-in is for {Day(madeFor)}, which has not started yet where you live. Please check in again.";
        if (madeFor < today.AddDays(-1))
            return $"This check-in was for {Day(madeFor)}. It was sent too late: a check-in can be sent until the end of the next day.";
        return laterCheckInExists
            ? $"This check-in was for {Day(madeFor)}, but you have already checked in for {Day(today)}, so it was not saved."
            : null;
    }

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
}
