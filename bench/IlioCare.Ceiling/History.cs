using System.Data.Common;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Ceiling.Sql;

namespace IlioCare.Ceiling;

internal sealed record Profile(string AccountId, Guid? AssessmentId, DateTime? OnboardedAtUtc, string TimeZoneId, IReadOnlySet<ExerciseId> Excluded,
    PainRule PainRule, int PreInjuryWeeklyMinutes, string Sports, string MassageCautions);
internal sealed record CheckInRow(long Id, DateOnly Date, int PainMorning, int StiffnessMinutes, int PainNow, bool Flare, bool? HopTestPainFree,
    string SportMinutes, string WarningSigns, DateTime CreatedAtUtc)
{
    public int TotalSportMinutes => SportMinutes.Split(',', StringSplitOptions.RemoveEmptyEntries).Sum(p => int.Parse(p[(p.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
internal sealed record LogRow(long Id, DateOnly Date, ExerciseId Exercise, int? Sets, int? Reps, string? Resistance, int? Count, int? HoldSeconds,
    bool Completed, bool StoppedForPain, int PainBefore, int PainDuring);
internal sealed record StateRow(long Id, DateOnly EffectiveOn, Phase Phase, DateOnly CountsFrom, bool PausedForWarningSign, string Move, string Reason, string SetBy);
internal sealed record DoseRow(long Id, DateOnly EffectiveFrom, ExerciseId Exercise, int? Sets, int? Reps, string? Resistance, int? Count, int? HoldSeconds, string Action, string Reason, string SetBy);
internal sealed record PauseRow(long Id, DateOnly StartedOn, DateOnly? EndedOn)
{
    public bool Covers(DateOnly day) => day >= StartedOn && (EndedOn is null || day <= EndedOn);
}

/// <summary>
/// Mirrors <c>PatientHistory.LoadAsync</c> (src/IlioCare.Web/Features/Program/PatientHistory.cs): the same seven
/// SELECTs, captured from EF's command log, column for column, and <c>RequestFor</c>, the engine input built from
/// them. Shared by the check-in and Progress ceilings because the app shares it too. Skipped on purpose: EF's change
/// tracking (the app reads AsNoTracking) and the "return weeks" sport series (empty unless the patient is in
/// return; the demo patient is not), so the ceiling's engine call is the same call on the same evidence.
/// </summary>
internal sealed class History
{
    public const string ProfileSql = """
        SELECT "p"."AccountId", "p"."AgeAtSignUp", "p"."AssessmentId", "p"."CalendarFeedToken", "p"."CreatedAtUtc", "p"."DailySessionTime", "p"."ExcludedExercises", "p"."MassageCautions", "p"."OnboardedAtUtc", "p"."PainRule", "p"."PreInjuryWeeklyMinutes", "p"."ProgramVersion", "p"."Side", "p"."Sports", "p"."TermsAcceptedAtUtc", "p"."TimeZoneId"
        FROM "PatientProfiles" AS "p"
        WHERE "p"."AccountId" = @accountId
        LIMIT 1
        """;
    private const string StartPhaseSql = """
        SELECT "a"."StartPhase"
        FROM "Assessments" AS "a"
        WHERE "a"."AccountId" = @accountId AND "a"."Id" = @profile_AssessmentId
        LIMIT 1
        """;
    public const string CheckInColumns = """SELECT "c"."Id", "c"."AccountId", "c"."CreatedAtUtc", "c"."Date", "c"."Flare", "c"."HopTestPainFree", "c"."PainMorning", "c"."PainNow", "c"."SportMinutes", "c"."StiffnessMinutes", "c"."UpdatedAtUtc", "c"."WarningSigns" FROM "CheckIns" AS "c" """;
    public const string LogColumns = """SELECT "e"."Id", "e"."AccountId", "e"."Completed", "e"."Count", "e"."Date", "e"."Exercise", "e"."HoldSeconds", "e"."PainBefore", "e"."PainDuring", "e"."RecordedAtUtc", "e"."Reps", "e"."Resistance", "e"."Sets", "e"."StoppedForPain" FROM "ExerciseLogs" AS "e" """;
    public const string StateColumns = """SELECT "p"."Id", "p"."AccountId", "p"."CountsFrom", "p"."EffectiveOn", "p"."Move", "p"."Note", "p"."PausedForWarningSign", "p"."Phase", "p"."Reason", "p"."RecordedAtUtc", "p"."SetBy" FROM "ProgramStates" AS "p" """;
    public const string DoseColumns = """SELECT "d"."Id", "d"."AccountId", "d"."Action", "d"."Count", "d"."EffectiveFrom", "d"."Exercise", "d"."HoldSeconds", "d"."Note", "d"."Reason", "d"."RecordedAtUtc", "d"."Reps", "d"."Resistance", "d"."SetBy", "d"."Sets" FROM "Doses" AS "d" """;
    public const string PauseColumns = """SELECT "p"."Id", "p"."AccountId", "p"."EndedOn", "p"."Reason", "p"."StartedOn" FROM "Pauses" AS "p" """;

    public required Profile Profile { get; init; }
    public required List<CheckInRow> CheckIns { get; init; }
    public required List<LogRow> Logs { get; init; }
    public required List<StateRow> States { get; init; }
    public required List<DoseRow> Doses { get; init; }
    public required List<PauseRow> Pauses { get; init; }
    public Phase? StartPhase { get; init; }

    public static async Task<History?> LoadAsync(DbConnection c, DbTransaction? tx, string accountId, CancellationToken ct)
    {
        var id = ("@accountId", (object?)accountId);
        var profile = await FirstAsync(c, tx, ProfileSql, ReadProfile, ct, id);
        if (profile?.OnboardedAtUtc is null) return null;
        var start = await FirstAsync(c, tx, StartPhaseSql, r => r.IsDBNull(0) ? "" : r.GetString(0), ct, id, ("@profile_AssessmentId", profile.AssessmentId));
        return new History
        {
            Profile = profile,
            CheckIns = await ListAsync(c, tx, CheckInColumns + """WHERE "c"."AccountId" = @accountId ORDER BY "c"."Date" """, ReadCheckIn, ct, id),
            Logs = await ListAsync(c, tx, LogColumns + """WHERE "e"."AccountId" = @accountId ORDER BY "e"."Date" """, ReadLog, ct, id),
            States = await ListAsync(c, tx, StateColumns + """WHERE "p"."AccountId" = @accountId ORDER BY "p"."EffectiveOn" """, ReadState, ct, id),
            Doses = await ListAsync(c, tx, DoseColumns + """WHERE "d"."AccountId" = @accountId ORDER BY "d"."EffectiveFrom" """, ReadDose, ct, id),
            Pauses = await ListAsync(c, tx, PauseColumns + """WHERE "p"."AccountId" = @accountId""", ReadPause, ct, id),
            StartPhase = start is { Length: > 0 } && WireName.TryParse<Phase>(start, out var phase) ? phase : null,
        };
    }

    public static Profile ReadProfile(DbDataReader r) => new(r.GetString(0), r.IsDBNull(2) ? null : r.GetGuid(2), r.IsDBNull(8) ? null : Utc(r, 8), r.GetString(15),
        Set<ExerciseId>(r.GetString(6)), Enum<PainRule>(r.GetString(9)), r.GetInt32(10), r.GetString(13), r.GetString(7));
    public static CheckInRow ReadCheckIn(DbDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateOnly>(3), r.GetInt32(6), r.GetInt32(9), r.GetInt32(7), r.GetBoolean(4),
        r.IsDBNull(5) ? null : r.GetBoolean(5), r.GetString(8), r.GetString(11), Utc(r, 2));
    public static LogRow ReadLog(DbDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateOnly>(4), Enum<ExerciseId>(r.GetString(5)), NullableInt(r, 12), NullableInt(r, 10),
        NullableString(r, 11), NullableInt(r, 3), NullableInt(r, 6), r.GetBoolean(2), r.GetBoolean(13), r.GetInt32(7), r.GetInt32(8));
    public static StateRow ReadState(DbDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateOnly>(3), Enum<Phase>(r.GetString(7)), r.GetFieldValue<DateOnly>(2), r.GetBoolean(6),
        r.GetString(4), r.GetString(8), r.GetString(10));
    public static DoseRow ReadDose(DbDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateOnly>(4), Enum<ExerciseId>(r.GetString(5)), NullableInt(r, 13), NullableInt(r, 10),
        NullableString(r, 11), NullableInt(r, 3), NullableInt(r, 6), r.GetString(2), r.GetString(8), r.GetString(12));
    public static PauseRow ReadPause(DbDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateOnly>(4), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2));

    public static T Enum<T>(string s) where T : struct, Enum => WireName.TryParse<T>(s, out var v) ? v : throw new InvalidOperationException($"unknown {typeof(T).Name} '{s}'");
    private static HashSet<T> Set<T>(string s) where T : struct, Enum => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum<T>).ToHashSet();

    /// <summary>PatientHistory.StateBefore: another's record of the day is the start; the engine's own is ignored.</summary>
    private ProgramState? StateBefore(DateOnly day)
    {
        var own = States.FirstOrDefault(s => s.EffectiveOn == day);
        if (own is not null && own.SetBy != "engine") return new(own.Phase, own.CountsFrom, own.PausedForWarningSign);
        if (States.LastOrDefault(s => s.EffectiveOn < day) is { } b) return new(b.Phase, b.CountsFrom, b.PausedForWarningSign);
        return own is not null && StartPhase is { } phase ? new ProgramState(phase, day) : null;
    }

    /// <summary>PatientHistory.RequestFor, on the same rows.</summary>
    public MorningReviewRequest? RequestFor(DateOnly day)
    {
        if (StateBefore(day) is not { } state) return null;
        var doses = Doses.Where(d => d.EffectiveFrom < day).GroupBy(d => d.Exercise).ToDictionary(g => g.Key, g => g.Last());
        var evidence = new PhaseEvidence
        {
            CheckIns = CheckIns.Where(c => c.Date <= day).Select(c => new CheckIn(c.Date, c.PainMorning, c.StiffnessMinutes, c.PainNow,
                HasWarningSign: c.WarningSigns.Length > 0, SportMinutes: Math.Min(c.TotalSportMinutes, 1440),
                StopsForPain: Math.Min(Logs.Count(l => l.Date == c.Date && l.StoppedForPain), 10), HopTestPainFree: c.HopTestPainFree,
                Paused: Pauses.Any(p => p.Covers(c.Date)))).ToArray(),
            StrengthDoses = doses.Values.Where(d => d.Sets is not null && d.Reps is not null && d.Resistance is not null)
                .ToDictionary(d => d.Exercise, d => new Dose(d.Sets!.Value, d.Reps!.Value, Enum<Resistance>(d.Resistance!))),
            ExcludedByClinician = Profile.Excluded,
            PreInjuryWeeklyMinutes = Profile.PreInjuryWeeklyMinutes,
        };
        return new MorningReviewRequest(day, state, evidence)
        {
            PainRule = Profile.PainRule,
            StretchDoses = doses.Values.Where(d => d.Count is not null && d.HoldSeconds is not null).ToDictionary(d => d.Exercise, d => new StretchDose(d.Count!.Value, d.HoldSeconds!.Value)),
            StrengthLogs = ExerciseCatalogue.Strengthening.ToDictionary(id => id, id => (IReadOnlyList<ExerciseLog<Dose>>)Logs
                .Where(l => l.Exercise == id && l.Sets is > 0 && l.Reps is > 0 && l.Resistance is not null)
                .Select(l => new ExerciseLog<Dose>(l.Date, new Dose(l.Sets!.Value, l.Reps!.Value, Enum<Resistance>(l.Resistance!)), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray()),
            StretchLogs = ExerciseCatalogue.Stretches.ToDictionary(id => id, id => (IReadOnlyList<ExerciseLog<StretchDose>>)Logs
                .Where(l => l.Exercise == id && l.Count is > 0 && l.HoldSeconds is >= 0)
                .Select(l => new ExerciseLog<StretchDose>(l.Date, new StretchDose(l.Count!.Value, l.HoldSeconds!.Value), l.Completed, l.StoppedForPain, l.PainBefore, l.PainDuring))
                .ToArray()),
        };
    }
}
