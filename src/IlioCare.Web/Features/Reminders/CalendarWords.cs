using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Reminders;

/// <summary>The calendar feed's words for a person (issue 16): what its events say, in one language.</summary>
/// <param name="Paused">Its <c>{0}</c> is the address of the pause page; in the descriptions likewise the page's address.</param>
internal sealed record CalendarText(string Name, string Daily, string DailyDescription, string Weekly, string WeeklyDescription,
    string PausedTitle, string Paused)
{
    /// <summary>The feed's English words (an account with no language, and the tests' constants).</summary>
    public static CalendarText English { get; } = new("IlioCare reminders", ReminderCalendar.DailySummary,
        "Open Today for your session: {0}\nCheck in first. If a warning sign has paused your program, do not exercise: follow the advice on the screen and see a doctor.",
        ReminderCalendar.WeeklySummary, "A new week: your sport cap for it is on the check-in page: {0}",
        ReminderCalendar.PausedSummary, "A warning sign has paused your program: do not exercise. Follow the advice here: {0}");
}

/// <summary>
/// The feed is fetched by a calendar app with no language of its own, so it is written in the account's saved language
/// (inside <see cref="Language.LanguageScope"/>); the safety words of the paused event say exactly what the page says.
/// </summary>
internal sealed class CalendarWords
{
    private CalendarWords() { }

    public static CalendarText Of(IStringLocalizer<CalendarWords> L) => new(
        L["IlioCare reminders"],
        L["IlioCare: today's session"],
        L["Open Today for your session: {0}"] + "\n" + L["Check in first. If a warning sign has paused your program, do not exercise: follow the advice on the screen and see a doctor."],
        L["IlioCare: check this week's sport cap"],
        L["A new week: your sport cap for it is on the check-in page: {0}"],
        L["IlioCare: your program is paused"],
        L["A warning sign has paused your program: do not exercise. Follow the advice here: {0}"]);
}
