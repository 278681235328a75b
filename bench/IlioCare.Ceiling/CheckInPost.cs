using System.Data.Common;
using System.Globalization;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using static IlioCare.Ceiling.Sql;

namespace IlioCare.Ceiling;

/// <summary>
/// POST /check-in — mirrors what the app's CheckInPage does for one form post (EF's command log, 27 statements
/// on the demo patient): the page's own <c>PatientHistory.LoadAsync</c> (7 SELECTs, outside the transaction) and
/// its engine call for the hop-test question, then <c>MorningReviewHandler.SaveAsync</c> in one transaction:
/// today's check-in (SELECT, then UPDATE — or INSERT on the day's first post), the history again (7 SELECTs), today's
/// check-in, today's state and today's doses (3 SELECTs), <see cref="MorningReview.Run"/>, then one UPDATE per
/// engine dose of today (8 for the demo program; INSERTs on the first review of the day) and the state when the
/// phase moved; then a 302 to /check-in?saved=1 with a body of the app's size (the app sends its rendered page).
/// Skipped, as the framework cost we compare against: cookie decryption, authorization, antiforgery validation,
/// Blazor's form binding and component rendering, EF's change tracker, execution strategy and SQL generation.
/// The "take back an earlier move" branch of WriteStateAsync is left out (the load posts the same answers, so
/// the phase decision never changes between posts).
/// </summary>
internal static class CheckInPost
{
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);
    private const string TodaysCheckIn = History.CheckInColumns + """
        WHERE "c"."AccountId" = @accountId AND "c"."Date" = @today
        LIMIT 1
        """;
    private const string UpdateCheckIn = """
        UPDATE "CheckIns" SET "PainMorning" = @painMorning, "StiffnessMinutes" = @stiffness, "PainNow" = @painNow, "WarningSigns" = @signs, "UpdatedAtUtc" = @now
        WHERE "Id" = @id
        """;
    private const string InsertCheckIn = """
        INSERT INTO "CheckIns" ("AccountId", "CreatedAtUtc", "Date", "Flare", "HopTestPainFree", "PainMorning", "PainNow", "SportMinutes", "StiffnessMinutes", "UpdatedAtUtc", "WarningSigns")
        VALUES (@accountId, @now, @today, FALSE, NULL, @painMorning, @painNow, '', @stiffness, @now, @signs)
        """;
    private const string TodaysState = History.StateColumns + """
        WHERE "p"."AccountId" = @accountId AND "p"."EffectiveOn" = @today
        LIMIT 1
        """;
    private const string TodaysDoses = History.DoseColumns + """WHERE "d"."AccountId" = @accountId AND "d"."EffectiveFrom" = @today""";
    private const string UpdateDose = """
        UPDATE "Doses" SET "Sets" = @sets, "Reps" = @reps, "Resistance" = @resistance, "Count" = @count, "HoldSeconds" = @hold, "Action" = @action, "Reason" = @reason, "RecordedAtUtc" = @now
        WHERE "Id" = @id
        """;
    private const string InsertDose = """
        INSERT INTO "Doses" ("AccountId", "Action", "Count", "EffectiveFrom", "Exercise", "HoldSeconds", "Note", "Reason", "RecordedAtUtc", "Reps", "Resistance", "SetBy", "Sets")
        VALUES (@accountId, @action, @count, @today, @exercise, @hold, NULL, @reason, @now, @reps, @resistance, 'engine', @sets)
        """;
    private const string FlareAndState = """
        UPDATE "CheckIns" SET "Flare" = @flare WHERE "Id" = @id
        """;

    public static async Task HandleAsync(HttpContext http, Sql sql, Patient patient, int bytes)
    {
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        int Number(string name) => int.Parse(form[name].ToString(), CultureInfo.InvariantCulture);
        var (painMorning, stiffness, painNow) = (Number("Form.PainMorning"), Number("Form.StiffnessMinutes"), Number("Form.PainNow"));
        var signs = form["Form.NoWarningSigns"] == "true" ? "" : string.Join(',', form["Form.WarningSigns"].ToArray());

        await using var c = await sql.OpenAsync(ct);
        // The page's own load: the history and the hop-test question (yesterday's review re-run).
        var before = (await History.LoadAsync(c, null, patient.AccountId, ct))!;
        var today = Patient.Today(before.Profile.TimeZoneId);
        if (before.CheckIns.Any(x => x.Date == today.AddDays(-1)) && before.RequestFor(today.AddDays(-1)) is { } yesterday)
            _ = PhaseMoves.Decide(yesterday.State, yesterday.Evidence, today.AddDays(-1)).AskHopTest;

        var now = DateTime.UtcNow;
        var id = ("@accountId", (object?)patient.AccountId);
        // One writer at a time on SQLite, queued asynchronously — as the app's SqliteWriteGate does (the same shape).
        if (sql.IsSqlite) await SqliteWriter.WaitAsync(ct);
        try
        {
            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                var record = await FirstAsync(c, tx, TodaysCheckIn, History.ReadCheckIn, ct, id, ("@today", today));
                (string, object?)[] answers = [("@painMorning", painMorning), ("@stiffness", stiffness), ("@painNow", painNow), ("@signs", signs), ("@now", now)];
                if (record is null) await ExecuteAsync(c, tx, InsertCheckIn, ct, [id, ("@today", today), .. answers]);
                else await ExecuteAsync(c, tx, UpdateCheckIn, ct, [("@id", record.Id), .. answers]);

                var history = (await History.LoadAsync(c, tx, patient.AccountId, ct))!;
                var checkIn = (await FirstAsync(c, tx, TodaysCheckIn, History.ReadCheckIn, ct, id, ("@today", today)))!;
                var review = MorningReview.Run(history.RequestFor(today)!);
                if (checkIn.Flare != review.Phase.IsFlare)
                    await ExecuteAsync(c, tx, FlareAndState, ct, ("@flare", review.Phase.IsFlare), ("@id", checkIn.Id));
                await WriteStateAsync(c, tx, patient.AccountId, today, review.Phase, now, ct);

                var existing = await ListAsync(c, tx, TodaysDoses, History.ReadDose, ct, id, ("@today", today));
                foreach (var (exercise, d) in review.Strength.Where(p => !history.Profile.Excluded.Contains(p.Key)))
                    await WriteDoseAsync(c, tx, existing, patient.AccountId, WireName.Of(exercise), today, now, d.Next.Sets, d.Next.Reps, WireName.Of(d.Next.Resistance), null, null, WireName.Of(d.Action), d.Reason, ct);
                foreach (var (exercise, d) in review.Stretches.Where(p => !history.Profile.Excluded.Contains(p.Key)))
                    await WriteDoseAsync(c, tx, existing, patient.AccountId, WireName.Of(exercise), today, now, null, null, null, d.Next.Count, d.Next.HoldSeconds, WireName.Of(d.Action), d.Reason, ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            if (sql.IsSqlite) SqliteWriter.Release();
        }
        http.Response.StatusCode = StatusCodes.Status302Found;
        http.Response.Headers.Location = "/check-in?saved=1";
        await Html.WriteAsync(http.Response, Html.Finish(Html.Start("Daily check-in"), bytes));
    }

    private static async Task WriteStateAsync(DbConnection c, DbTransaction tx, string accountId, DateOnly today, PhaseDecision decision, DateTime now, CancellationToken ct)
    {
        var own = await FirstAsync(c, tx, TodaysState, History.ReadState, ct, ("@accountId", accountId), ("@today", today));
        if (decision.Move == PhaseMove.Stay || (own is not null && own.SetBy != "engine")) return;
        const string upsert = """
            DELETE FROM "ProgramStates" WHERE "AccountId" = @accountId AND "EffectiveOn" = @today AND "SetBy" = 'engine';
            INSERT INTO "ProgramStates" ("AccountId", "CountsFrom", "EffectiveOn", "Move", "Note", "PausedForWarningSign", "Phase", "Reason", "RecordedAtUtc", "SetBy")
            VALUES (@accountId, @countsFrom, @today, @move, NULL, @paused, @phase, @reason, @now, 'engine')
            """;
        await ExecuteAsync(c, tx, upsert, ct, ("@accountId", accountId), ("@today", today), ("@countsFrom", decision.Next.CountsFrom), ("@move", WireName.Of(decision.Move)),
            ("@paused", decision.Next.PausedForWarningSign), ("@phase", WireName.Of(decision.Next.Phase)), ("@reason", decision.Reason), ("@now", now));
    }

    private static Task WriteDoseAsync(DbConnection c, DbTransaction tx, List<DoseRow> existing, string accountId, string exercise, DateOnly today, DateTime now,
        int? sets, int? reps, string? resistance, int? count, int? hold, string action, string reason, CancellationToken ct)
    {
        var row = existing.FirstOrDefault(d => WireName.Of(d.Exercise) == exercise);
        if (row is not null && row.SetBy != "engine") return Task.CompletedTask; // a clinician's dose of today stays
        (string, object?)[] values = [("@sets", sets), ("@reps", reps), ("@resistance", resistance), ("@count", count), ("@hold", hold), ("@action", action), ("@reason", reason), ("@now", now)];
        return row is null
            ? ExecuteAsync(c, tx, InsertDose, ct, [("@accountId", accountId), ("@today", today), ("@exercise", exercise), .. values])
            : ExecuteAsync(c, tx, UpdateDose, ct, [("@id", row.Id), .. values]);
    }
}
