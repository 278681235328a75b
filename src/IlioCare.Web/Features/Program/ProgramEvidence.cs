using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Load;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Data;

namespace IlioCare.Web.Features.Program;

/// <summary>
/// Turns stored rows into what the clinical engine judges (SPEC §4, §6, §7): check-ins with that day's stops
/// and pauses, the strengthening doses in force, and the completed sport weeks. Pure over lists, so the
/// program page (re-running <see cref="PhaseMoves.Decide"/> to show progress) and the demo seed (running
/// <see cref="MorningReview.Run"/> day by day) read the rows the same way.
/// </summary>
internal static class ProgramEvidence
{
    private const int MinutesInDay = 24 * 60;
    private const int MaxStops = 10;

    public static CheckIn ToCheckIn(CheckInRecord record, int stopsForPain, bool paused) => new(
        record.Date, record.PainMorning, record.StiffnessMinutes, record.PainNow,
        HasWarningSign: record.WarningSigns.Count > 0,
        SportMinutes: Math.Min(record.TotalSportMinutes, MinutesInDay),
        StopsForPain: Math.Min(stopsForPain, MaxStops),
        HopTestPainFree: record.HopTestPainFree,
        Paused: paused);

    /// <summary>The evidence for a review of <paramref name="day"/>: rows after the day are ignored.</summary>
    public static PhaseEvidence Build(PatientProfile profile, IEnumerable<CheckInRecord> checkIns, IEnumerable<ExerciseLogRecord> logs,
        IReadOnlyCollection<PauseRecord> pauses, IReadOnlyDictionary<ExerciseId, Dose> strengthDoses, DateOnly day)
    {
        var stops = logs.Where(l => l.StoppedForPain && l.Date <= day).GroupBy(l => l.Date).ToDictionary(g => g.Key, g => g.Count());
        var records = checkIns.Where(c => c.Date <= day).OrderBy(c => c.Date).ToArray();
        return new PhaseEvidence
        {
            CheckIns = records.Select(c => ToCheckIn(c, stops.GetValueOrDefault(c.Date), pauses.Any(p => p.Covers(c.Date)))).ToArray(),
            StrengthDoses = strengthDoses,
            ExcludedByClinician = profile.ExcludedExercises,
            PreInjuryWeeklyMinutes = Math.Clamp(profile.PreInjuryWeeklyMinutes, 0, 7 * MinutesInDay),
            ReturnWeeks = CompletedWeeks(records, pauses, day),
        };
    }

    /// <summary>Completed ISO weeks (Monday–Sunday) before <paramref name="day"/>'s week, weeks touched by a pause left out (SPEC §7).</summary>
    public static IReadOnlyList<LoadWeek> CompletedWeeks(IReadOnlyList<CheckInRecord> checkIns, IReadOnlyCollection<PauseRecord> pauses, DateOnly day)
    {
        if (checkIns.Count == 0) return [];
        var weeks = new List<LoadWeek>();
        for (var monday = Monday(checkIns[0].Date); monday.AddDays(7) <= Monday(day); monday = monday.AddDays(7))
        {
            var end = monday.AddDays(6);
            if (pauses.Any(p => p.StartedOn <= end && (p.EndedOn is null || p.EndedOn >= monday))) continue;
            var days = checkIns.Where(c => c.Date >= monday && c.Date <= end).ToArray();
            weeks.Add(new LoadWeek(monday, Math.Min(days.Sum(c => c.TotalSportMinutes), 7 * MinutesInDay), days.Any(c => c.Flare)));
        }
        return weeks;
    }

    public static IReadOnlyDictionary<ExerciseId, Dose> StrengthDoses(IReadOnlyDictionary<ExerciseId, DoseRecord> doses) =>
        doses.Values.Select(d => (d.Exercise, Dose: d.StrengthDose())).Where(d => d.Dose is not null)
            .ToDictionary(d => d.Exercise, d => d.Dose!.Value);

    public static IReadOnlyDictionary<ExerciseId, StretchDose> StretchDoses(IReadOnlyDictionary<ExerciseId, DoseRecord> doses) =>
        doses.Values.Select(d => (d.Exercise, Dose: d.StretchDose())).Where(d => d.Dose is not null)
            .ToDictionary(d => d.Exercise, d => d.Dose!.Value);

    public static IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<Dose>>> StrengthLogs(IEnumerable<ExerciseLogRecord> logs) =>
        logs.Where(l => l is { Sets: not null, Reps: not null, Resistance: not null })
            .GroupBy(l => l.Exercise)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExerciseLog<Dose>>)g.OrderBy(l => l.Date)
                .Select(l => new ExerciseLog<Dose>(l.Date, new Dose(l.Sets!.Value, l.Reps!.Value, l.Resistance!.Value), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray());

    public static IReadOnlyDictionary<ExerciseId, IReadOnlyList<ExerciseLog<StretchDose>>> StretchLogs(IEnumerable<ExerciseLogRecord> logs) =>
        logs.Where(l => l is { Count: > 0, HoldSeconds: >= 0 })
            .GroupBy(l => l.Exercise)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExerciseLog<StretchDose>>)g.OrderBy(l => l.Date)
                .Select(l => new ExerciseLog<StretchDose>(l.Date, new StretchDose(l.Count!.Value, l.HoldSeconds!.Value), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray());

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
