using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Progression;

/// <summary>What the session player recorded for one exercise on one day (F7, F8), before the check-ins are joined in.</summary>
public sealed record ExerciseLog<TDose>(DateOnly Date, TDose Dose, bool Completed, bool StoppedForPain, int PainBefore, int PainDuring);

/// <summary>
/// Turns an exercise's logs and the daily check-ins into the sessions the §6 rules judge: a session's
/// morning pain is that day's check-in, its next-morning pain the next day's (SPEC §6 "painMorning is that
/// day's morning check-in pain; painNextMorning is the next morning's").
/// </summary>
public static class SessionHistory
{
    /// <remarks>
    /// A log on a day without a check-in is left out: without that morning's pain, "pain had not settled by
    /// the next morning" cannot be judged, and the app asks for the check-in before the session. A log on the
    /// day before a missing check-in keeps an unknown next-morning pain, so it can never count towards a
    /// step up (SPEC §6 progress needs every next-morning pain known).
    /// </remarks>
    public static IReadOnlyList<ExerciseSession<TDose>> Join<TDose>(IEnumerable<ExerciseLog<TDose>> logs, IEnumerable<CheckIn> checkIns)
    {
        var morning = checkIns.ToDictionary(c => c.Date, c => c.PainMorning);
        return logs
            .Where(l => morning.ContainsKey(l.Date))
            .OrderBy(l => l.Date)
            .Select(l => new ExerciseSession<TDose>(l.Date, l.Dose, l.Completed, l.StoppedForPain, morning[l.Date], l.PainBefore, l.PainDuring,
                morning.TryGetValue(l.Date.AddDays(1), out var next) ? next : null))
            .ToArray();
    }
}
