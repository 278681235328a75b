using System.Globalization;
using IlioCare.Web.Features.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// Which day a posted check-in may be saved for (issue 14, README "Where the spec allowed two readings"). The form
/// carries the date it was made for, so a check-in filled in offline before midnight and sent after it keeps its day.
/// Today's is always accepted (F8: editable until the day ends). Yesterday's — in the patient's time zone — is
/// accepted as long as no later check-in exists (today's check-in has not been made, so today's review has not
/// judged from a day that then changes); it creates or replaces yesterday's check-in and runs yesterday's review.
/// Anything older, or dated after today, is refused.
/// </summary>
internal sealed class LateCheckIn
{
    private LateCheckIn() { }

    /// <summary>Null when <paramref name="madeFor"/> may be saved; otherwise the plain reason it is refused, in English (the API).</summary>
    public static string? Refusal(DateOnly madeFor, DateOnly today, bool laterCheckInExists) =>
        Refusal(madeFor, today, laterCheckInExists, AssessmentLabels.English, CultureInfo.InvariantCulture);

    /// <summary>The same, in the page's language (<c>IStringLocalizer&lt;LateCheckIn&gt;</c>), days in its culture.</summary>
    public static string? Refusal(DateOnly madeFor, DateOnly today, bool laterCheckInExists, IStringLocalizer L, CultureInfo culture)
    {
        string Day(DateOnly date) => date.ToString(L["dddd d MMMM"], culture);
        if (madeFor == today) return null;
        if (madeFor > today)
            return L["This check-in is for {0}, which has not started yet where you live. Check in again.", Day(madeFor)];
        if (madeFor < today.AddDays(-1))
            return L["This check-in was for {0}. It was sent too late: a check-in can be sent until the end of the next day.", Day(madeFor)];
        return laterCheckInExists
            ? L["This check-in was for {0}, but you have already checked in for {1}, so it was not saved.", Day(madeFor), Day(today)].Value
            : null;
    }
}
