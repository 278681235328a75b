using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using static IlioCare.Ceiling.Sql;

namespace IlioCare.Ceiling;

/// <summary>
/// GET /today — mirrors <c>TodayPlanner.LoadAsync</c> (src/IlioCare.Web/Features/Today/TodayPlan.cs): the six
/// statements EF sends for one request (profile; state on the day via PatientProgram.StateOnAsync; today's
/// check-in; pauses started by today; the dose in force per exercise via PatientProgram.DosesOnAsync, EF's
/// GROUP BY + ROW_NUMBER shape as captured; today's exercise logs), then the same engine call
/// (<see cref="SessionPlanner.For"/>) and an HTML page of the app's size.
/// Skipped, as the framework cost we compare against: cookie decryption and the ClaimsPrincipal, authorization,
/// antiforgery token generation for the page's forms, Blazor's component tree and diffing renderer, the layout,
/// EF's query pipeline and materializer, and response headers middleware.
/// </summary>
internal static class Today
{
    private const string State = History.StateColumns + """
        WHERE "p"."AccountId" = @accountId AND "p"."EffectiveOn" <= @day
        ORDER BY "p"."EffectiveOn" DESC
        LIMIT 1
        """;
    private const string CheckIn = History.CheckInColumns + """
        WHERE "c"."AccountId" = @accountId AND "c"."Date" = @today
        LIMIT 1
        """;
    private const string Pauses = History.PauseColumns + """WHERE "p"."AccountId" = @accountId AND "p"."StartedOn" <= @today""";
    private const string Doses = """
        SELECT "d3"."Id", "d3"."AccountId", "d3"."Action", "d3"."Count", "d3"."EffectiveFrom", "d3"."Exercise", "d3"."HoldSeconds", "d3"."Note", "d3"."Reason", "d3"."RecordedAtUtc", "d3"."Reps", "d3"."Resistance", "d3"."SetBy", "d3"."Sets"
        FROM (
            SELECT "d"."Exercise"
            FROM "Doses" AS "d"
            WHERE "d"."AccountId" = @accountId AND "d"."EffectiveFrom" <= @day
            GROUP BY "d"."Exercise"
        ) AS "d1"
        LEFT JOIN (
            SELECT "d2"."Id", "d2"."AccountId", "d2"."Action", "d2"."Count", "d2"."EffectiveFrom", "d2"."Exercise", "d2"."HoldSeconds", "d2"."Note", "d2"."Reason", "d2"."RecordedAtUtc", "d2"."Reps", "d2"."Resistance", "d2"."SetBy", "d2"."Sets"
            FROM (
                SELECT "d0"."Id", "d0"."AccountId", "d0"."Action", "d0"."Count", "d0"."EffectiveFrom", "d0"."Exercise", "d0"."HoldSeconds", "d0"."Note", "d0"."Reason", "d0"."RecordedAtUtc", "d0"."Reps", "d0"."Resistance", "d0"."SetBy", "d0"."Sets", ROW_NUMBER() OVER(PARTITION BY "d0"."Exercise" ORDER BY "d0"."EffectiveFrom" DESC) AS "row"
                FROM "Doses" AS "d0"
                WHERE "d0"."AccountId" = @accountId AND "d0"."EffectiveFrom" <= @day
            ) AS "d2"
            WHERE "d2"."row" <= 1
        ) AS "d3" ON "d1"."Exercise" = "d3"."Exercise"
        """;
    private const string Logs = History.LogColumns + """WHERE "e"."AccountId" = @accountId AND "e"."Date" = @today""";

    public static async Task HandleAsync(HttpContext http, Sql sql, Patient patient, int bytes)
    {
        var ct = http.RequestAborted;
        await using var c = await sql.OpenAsync(ct);
        var id = ("@accountId", (object?)patient.AccountId);
        var profile = (await FirstAsync(c, null, History.ProfileSql, History.ReadProfile, ct, id))!;
        var today = Patient.Today(profile.TimeZoneId);
        var state = (await FirstAsync(c, null, State, History.ReadState, ct, id, ("@day", today)))!;
        var checkIn = await FirstAsync(c, null, CheckIn, History.ReadCheckIn, ct, id, ("@today", today));
        var pauses = await ListAsync(c, null, Pauses, History.ReadPause, ct, id, ("@today", today));
        var doses = await ListAsync(c, null, Doses, History.ReadDose, ct, id, ("@day", today));
        var logs = await ListAsync(c, null, Logs, History.ReadLog, ct, id, ("@today", today));

        var pause = pauses.FirstOrDefault(p => p.Covers(today));
        var session = SessionPlanner.For(new SessionRequest(state.Phase, today)
        {
            Pause = state.PausedForWarningSign || checkIn is { WarningSigns.Length: > 0 } ? ProgramPause.WarningSign
                : pause is not null ? ProgramPause.HolidayOrIllness : ProgramPause.None,
            SportDay = checkIn is { TotalSportMinutes: > 0 },
            MassageExcluded = profile.MassageCautions.Length > 0, // MassageSafety.AllowsSelfMassage: no caution at all
            ExcludedByClinician = profile.Excluded,
            StrengthDoses = doses.Where(d => d.Sets is not null && d.Reps is not null && d.Resistance is not null)
                .ToDictionary(d => d.Exercise, d => new Dose(d.Sets!.Value, d.Reps!.Value, History.Enum<Resistance>(d.Resistance!))),
            StretchDoses = doses.Where(d => d.Count is not null && d.HoldSeconds is not null).ToDictionary(d => d.Exercise, d => new StretchDose(d.Count!.Value, d.HoldSeconds!.Value)),
            DoseReasons = doses.ToDictionary(d => d.Exercise, d => d.Reason),
        });
        var done = logs.ToDictionary(l => l.Exercise);

        var page = Html.Start("Today").Append("<h1>Today</h1><p>").Append(session.Reason).Append("</p><ol>");
        foreach (var item in session.Items)
            page.Append("<li><h2>").Append(item.Exercise.Name).Append("</h2><p>").Append(item.DoseText).Append("</p><p>").Append(item.Reason)
                .Append(done.ContainsKey(item.Exercise.Id) ? "</p><p>Done</p></li>" : "</p></li>");
        await Html.WriteAsync(http.Response, Html.Finish(page.Append("</ol>"), bytes));
    }
}
