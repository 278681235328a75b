using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace IlioCare.Web.Features.Reminders;

/// <summary>What a patient's reminder feed is made of (F12): their zone, their session time, when their program began.</summary>
/// <param name="AccountId">Only hashed into the events' UIDs, never shown.</param>
/// <param name="TimeZoneId">IANA id, e.g. "Europe/Paris".</param>
/// <param name="SessionTime">Local time of the daily session in that zone.</param>
/// <param name="FirstDay">The first local day of the reminders: the day the program was set up.</param>
internal sealed record ReminderSchedule(string AccountId, string TimeZoneId, TimeOnly SessionTime, DateOnly FirstDay);

/// <summary>
/// The iCalendar feed (RFC 5545, built with Ical.Net): one daily event at the session time in the patient's own
/// zone (DTSTART with TZID and its VTIMEZONE, so it stays at the same local time across daylight-saving changes),
/// and a weekly all-day event on Mondays, the first day of the ISO week the sport cap counts (SPEC §7).
/// UIDs and start dates are stable, so a calendar app updates its copy instead of adding a second one.
/// </summary>
internal static class ReminderCalendar
{
    public const int SessionMinutes = 30;
    public const string DailySummary = "IlioCare: today's session";
    public const string WeeklySummary = "IlioCare: check this week's sport cap";
    public const string PausedSummary = "IlioCare: your program is paused";

    /// <param name="pausedOn">
    /// The patient's local today when a warning sign has paused the program (F3), else null. A paused feed has no
    /// session events at all (H203: a calendar must not say "do your session" while the app says stop), only a note for
    /// that day pointing to the advice; the daily event comes back with the same UID once the program resumes.
    /// </param>
    /// <param name="text">The words, in the account's language (issue 16); English when null.</param>
    public static string Build(ReminderSchedule schedule, Uri appBase, DateTime nowUtc, DateOnly? pausedOn = null, CalendarText? text = null)
    {
        text ??= CalendarText.English;
        var calendar = new Calendar { ProductId = "-//IlioCare//Reminders//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", text.Name);
        calendar.AddProperty("X-WR-TIMEZONE", schedule.TimeZoneId);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H"); // a hint for how often apps should fetch it again
        var utc = schedule.TimeZoneId is "UTC" or "Etc/UTC";
        if (!utc) calendar.AddTimeZone(schedule.TimeZoneId, schedule.FirstDay.ToDateTime(TimeOnly.MinValue), false);
        var stamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), true);
        var uid = UidStem(schedule.AccountId);

        if (pausedOn is { } day)
        {
            var paused = new Uri(appBase, "program/paused");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{uid}-paused-{day:yyyyMMdd}@iliocare",
                DtStamp = stamp,
                Start = new CalDateTime(day),
                Summary = text.PausedTitle,
                Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Paused, paused),
                Url = paused,
                Transparency = "TRANSPARENT",
            });
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }

        var today = new Uri(appBase, "today");
        var daily = new CalendarEvent
        {
            Uid = $"{uid}-daily-session@iliocare",
            DtStamp = stamp,
            Start = new CalDateTime(schedule.FirstDay, schedule.SessionTime, utc ? CalDateTime.UtcTzId : schedule.TimeZoneId),
            Duration = Duration.FromMinutes(SessionMinutes),
            RecurrenceRule = new RecurrencePattern(FrequencyType.Daily, 1),
            Summary = text.Daily,
            Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.DailyDescription, today),
            Url = today,
        };
        daily.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = text.Daily, Trigger = new Trigger(Duration.Zero) });
        calendar.Events.Add(daily);

        var checkIn = new Uri(appBase, "check-in");
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{uid}-weekly-sport-cap@iliocare",
            DtStamp = stamp,
            Start = new CalDateTime(FirstMonday(schedule.FirstDay)), // all day: a date, no time zone to shift
            RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1) { ByDay = [new WeekDay(DayOfWeek.Monday)] },
            Summary = text.Weekly,
            Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.WeeklyDescription, checkIn),
            Url = checkIn,
            Transparency = "TRANSPARENT", // a reminder, not a busy day
        });

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>RFC 5545 counts DTSTART as an occurrence, so a weekly Monday rule must start on a Monday.</summary>
    private static DateOnly FirstMonday(DateOnly day) => day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);

    /// <summary>Stable per patient, unique across patients, and says nothing about the account.</summary>
    private static string UidStem(string accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"iliocare-calendar:{accountId}")))[..24];
}
