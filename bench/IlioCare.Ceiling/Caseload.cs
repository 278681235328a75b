using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using static IlioCare.Ceiling.Sql;

namespace IlioCare.Ceiling;

/// <summary>
/// GET /clinician — mirrors the caseload page (src/IlioCare.Web/Features/Clinician/CaseloadPage.razor,
/// CaseloadHandler.LoadPageAsync) for a clinician following 50 patients: the 70 statements EF sends for one view, in
/// its order, captured from its command log on SQLite (2026-12-04): the sign-in session, language and account
/// reads the app makes per request (3), the whole caseload's rows (8 SELECTs, each filtered by the clinician's active
/// links), the shown page's detail rows (7 SELECTs with the page's ids as an IN list), then the audit append in one
/// transaction: the checkpoint read, its UPDATE and one INSERT per patient on the page (50) — with the same keyed
/// HMAC-SHA256 work per row (pseudonyms and the chained MAC), so the log stays verifiable with the app's key.
/// Skipped, as the framework cost we compare against: cookie decryption and the ClaimsPrincipal, authorization,
/// antiforgery token generation for the page's forms, Blazor's component tree and renderer, the layout, EF's query
/// pipeline, materializer and change tracker — and the page's pure rules (CaseloadAlerts.Compute, the need order,
/// AdherenceChart and SportLoad per row): the ceiling sorts by name and prints the latest check-in, pain now and phase.
/// </summary>
internal static class Caseload
{
    private static readonly SemaphoreSlim AuditAppend = new(1, 1);

    private const string Session = """
        SELECT "s"."Ticket", "s"."SecurityStamp", "s"."ExpiresAtUtc", "s"."LastSeenAtUtc", "a"."SecurityStamp" AS "AccountStamp"
        FROM "SignInSessions" AS "s"
        INNER JOIN "AspNetUsers" AS "a" ON "s"."AccountId" = "a"."Id"
        WHERE "s"."Id" = @id
        LIMIT 2
        """;

    private const string Language = """
        SELECT "a"."Language"
        FROM "AspNetUsers" AS "a"
        WHERE "a"."Id" = @accountId
        LIMIT 1
        """;

    private const string Account = """
        SELECT "a"."Id", "a"."AccessFailedCount", "a"."ConcurrencyStamp", "a"."CreatedAtUtc", "a"."DateOfBirth", "a"."DisplayName", "a"."Email", "a"."EmailConfirmed", "a"."Language", "a"."LastTotpTimeStep", "a"."LockoutEnabled", "a"."LockoutEnd", "a"."NamePromptPending", "a"."NormalizedEmail", "a"."NormalizedUserName", "a"."PasswordChangeRequired", "a"."PasswordHash", "a"."PhoneNumber", "a"."PhoneNumberConfirmed", "a"."SecurityStamp", "a"."TwoFactorEnabled", "a"."UserName"
        FROM "AspNetUsers" AS "a"
        WHERE "a"."Id" = @p
        LIMIT 1
        """;

    private const string Patients = """
        SELECT "a"."Id", "a"."DisplayName", "a"."Email", "p"."TimeZoneId", "p"."OnboardedAtUtc"
        FROM "AspNetUsers" AS "a"
        INNER JOIN "PatientProfiles" AS "p" ON "a"."Id" = "p"."AccountId"
        WHERE "a"."Id" IN (
            SELECT "c"."PatientId"
            FROM "CareLinks" AS "c"
            WHERE "c"."ClinicianId" = @clinicianId AND "c"."EndedAtUtc" IS NULL
        )
        """;

    private const string Latest = """
        SELECT "c5"."Id", "c5"."AccountId", "c5"."CreatedAtUtc", "c5"."Date", "c5"."Flare", "c5"."HopTestPainFree", "c5"."PainMorning", "c5"."PainNow", "c5"."SportMinutes", "c5"."StiffnessMinutes", "c5"."UpdatedAtUtc", "c5"."WarningSigns", "c5"."WarningSignsChecked"
        FROM (
            SELECT "c"."AccountId"
            FROM "CheckIns" AS "c"
            WHERE "c"."AccountId" IN (
                SELECT "c0"."PatientId"
                FROM "CareLinks" AS "c0"
                WHERE "c0"."ClinicianId" = @clinicianId AND "c0"."EndedAtUtc" IS NULL
            )
            GROUP BY "c"."AccountId"
        ) AS "c3"
        LEFT JOIN (
            SELECT "c4"."Id", "c4"."AccountId", "c4"."CreatedAtUtc", "c4"."Date", "c4"."Flare", "c4"."HopTestPainFree", "c4"."PainMorning", "c4"."PainNow", "c4"."SportMinutes", "c4"."StiffnessMinutes", "c4"."UpdatedAtUtc", "c4"."WarningSigns", "c4"."WarningSignsChecked"
            FROM (
                SELECT "c1"."Id", "c1"."AccountId", "c1"."CreatedAtUtc", "c1"."Date", "c1"."Flare", "c1"."HopTestPainFree", "c1"."PainMorning", "c1"."PainNow", "c1"."SportMinutes", "c1"."StiffnessMinutes", "c1"."UpdatedAtUtc", "c1"."WarningSigns", "c1"."WarningSignsChecked", ROW_NUMBER() OVER(PARTITION BY "c1"."AccountId" ORDER BY "c1"."Date" DESC) AS "row"
                FROM "CheckIns" AS "c1"
                WHERE "c1"."AccountId" IN (
                    SELECT "c2"."PatientId"
                    FROM "CareLinks" AS "c2"
                    WHERE "c2"."ClinicianId" = @clinicianId AND "c2"."EndedAtUtc" IS NULL
                )
            ) AS "c4"
            WHERE "c4"."row" <= 1
        ) AS "c5" ON "c3"."AccountId" = "c5"."AccountId"
        """;

    private const string Recent = """
        SELECT "c"."Id", "c"."AccountId", "c"."CreatedAtUtc", "c"."Date", "c"."Flare", "c"."HopTestPainFree", "c"."PainMorning", "c"."PainNow", "c"."SportMinutes", "c"."StiffnessMinutes", "c"."UpdatedAtUtc", "c"."WarningSigns", "c"."WarningSignsChecked"
        FROM "CheckIns" AS "c"
        WHERE "c"."AccountId" IN (
            SELECT "c0"."PatientId"
            FROM "CareLinks" AS "c0"
            WHERE "c0"."ClinicianId" = @clinicianId AND "c0"."EndedAtUtc" IS NULL
        ) AND "c"."Date" >= @since
        """;

    private const string States = """
        SELECT "p3"."Id", "p3"."AccountId", "p3"."CountsFrom", "p3"."EffectiveOn", "p3"."Move", "p3"."Note", "p3"."PausedForWarningSign", "p3"."Phase", "p3"."Reason", "p3"."RecordedAtUtc", "p3"."SetBy"
        FROM (
            SELECT "p"."AccountId"
            FROM "ProgramStates" AS "p"
            WHERE "p"."AccountId" IN (
                SELECT "c"."PatientId"
                FROM "CareLinks" AS "c"
                WHERE "c"."ClinicianId" = @clinicianId AND "c"."EndedAtUtc" IS NULL
            )
            GROUP BY "p"."AccountId"
        ) AS "p1"
        LEFT JOIN (
            SELECT "p2"."Id", "p2"."AccountId", "p2"."CountsFrom", "p2"."EffectiveOn", "p2"."Move", "p2"."Note", "p2"."PausedForWarningSign", "p2"."Phase", "p2"."Reason", "p2"."RecordedAtUtc", "p2"."SetBy"
            FROM (
                SELECT "p0"."Id", "p0"."AccountId", "p0"."CountsFrom", "p0"."EffectiveOn", "p0"."Move", "p0"."Note", "p0"."PausedForWarningSign", "p0"."Phase", "p0"."Reason", "p0"."RecordedAtUtc", "p0"."SetBy", ROW_NUMBER() OVER(PARTITION BY "p0"."AccountId" ORDER BY "p0"."EffectiveOn" DESC) AS "row"
                FROM "ProgramStates" AS "p0"
                WHERE "p0"."AccountId" IN (
                    SELECT "c0"."PatientId"
                    FROM "CareLinks" AS "c0"
                    WHERE "c0"."ClinicianId" = @clinicianId AND "c0"."EndedAtUtc" IS NULL
                )
            ) AS "p2"
            WHERE "p2"."row" <= 1
        ) AS "p3" ON "p1"."AccountId" = "p3"."AccountId"
        """;

    private const string Stops = """
        SELECT "e"."Id", "e"."AccountId", "e"."Date", "e"."Exercise"
        FROM "ExerciseLogs" AS "e"
        WHERE "e"."AccountId" IN (
            SELECT "c"."PatientId"
            FROM "CareLinks" AS "c"
            WHERE "c"."ClinicianId" = @clinicianId AND "c"."EndedAtUtc" IS NULL
        ) AND "e"."StoppedForPain" AND "e"."Date" >= @since
        """;

    private const string CustomStops = """
        SELECT "c"."Id", "c"."AccountId", "c"."Date", "c0"."Name"
        FROM "CustomExerciseLogs" AS "c"
        INNER JOIN "CustomExercises" AS "c0" ON "c"."CustomExerciseId" = "c0"."Id"
        WHERE "c"."AccountId" IN (
            SELECT "c1"."PatientId"
            FROM "CareLinks" AS "c1"
            WHERE "c1"."ClinicianId" = @clinicianId AND "c1"."EndedAtUtc" IS NULL
        ) AND ("c"."StoppedForPain" OR "c"."PainRose") AND "c"."Date" >= @since
        """;

    private const string Pauses = """
        SELECT "p"."Id", "p"."AccountId", "p"."EndedOn", "p"."Reason", "p"."StartedOn"
        FROM "Pauses" AS "p"
        WHERE "p"."AccountId" IN (
            SELECT "c"."PatientId"
            FROM "CareLinks" AS "c"
            WHERE "c"."ClinicianId" = @clinicianId AND "c"."EndedAtUtc" IS NULL
        ) AND ("p"."EndedOn" IS NULL OR "p"."EndedOn" >= @since)
        """;

    private const string Acknowledged = """
        SELECT "a"."PatientId", "a"."Kind", "a"."EvidenceKey"
        FROM "AlertAcknowledgements" AS "a"
        WHERE "a"."ClinicianId" = @clinicianId AND "a"."PatientId" IN (
            SELECT "c"."PatientId"
            FROM "CareLinks" AS "c"
            WHERE "c"."ClinicianId" = @clinicianId1 AND "c"."EndedAtUtc" IS NULL
        )
        """;

    private const string PageProfiles = """
        SELECT "p"."AccountId", "p"."AgeAtSignUp", "p"."AssessmentId", "p"."CalendarFeedToken", "p"."CreatedAtUtc", "p"."DailySessionTime", "p"."ExcludedExercises", "p"."MassageCautions", "p"."OnboardedAtUtc", "p"."PainRule", "p"."PreInjuryWeeklyMinutes", "p"."ProgramVersion", "p"."Side", "p"."Sports", "p"."TermsAcceptedAtUtc", "p"."TimeZoneId"
        FROM "PatientProfiles" AS "p"
        WHERE "p"."AccountId" IN ({ids})
        """;

    private const string PageStates = """
        SELECT "p"."Id", "p"."AccountId", "p"."CountsFrom", "p"."EffectiveOn", "p"."Move", "p"."Note", "p"."PausedForWarningSign", "p"."Phase", "p"."Reason", "p"."RecordedAtUtc", "p"."SetBy"
        FROM "ProgramStates" AS "p"
        WHERE "p"."AccountId" IN ({ids})
        ORDER BY "p"."EffectiveOn"
        """;

    private const string PageDoses = """
        SELECT "d"."Id", "d"."AccountId", "d"."Action", "d"."Count", "d"."EffectiveFrom", "d"."Exercise", "d"."HoldSeconds", "d"."Note", "d"."Reason", "d"."RecordedAtUtc", "d"."Reps", "d"."Resistance", "d"."SetBy", "d"."Sets"
        FROM "Doses" AS "d"
        WHERE "d"."AccountId" IN ({ids})
        ORDER BY "d"."EffectiveFrom"
        """;

    private const string PagePauses = """
        SELECT "p"."Id", "p"."AccountId", "p"."EndedOn", "p"."Reason", "p"."StartedOn"
        FROM "Pauses" AS "p"
        WHERE "p"."AccountId" IN ({ids})
        """;

    private const string PageCheckIns = """
        SELECT "c"."Id", "c"."AccountId", "c"."CreatedAtUtc", "c"."Date", "c"."Flare", "c"."HopTestPainFree", "c"."PainMorning", "c"."PainNow", "c"."SportMinutes", "c"."StiffnessMinutes", "c"."UpdatedAtUtc", "c"."WarningSigns", "c"."WarningSignsChecked"
        FROM "CheckIns" AS "c"
        WHERE "c"."AccountId" IN ({ids}) AND "c"."Date" >= @since
        ORDER BY "c"."Date"
        """;

    private const string PageLogs = """
        SELECT "e"."Id", "e"."AccountId", "e"."Completed", "e"."Count", "e"."Date", "e"."DoneCount", "e"."Exercise", "e"."HoldSeconds", "e"."PainBefore", "e"."PainDuring", "e"."PlannedCount", "e"."RecordedAtUtc", "e"."Reps", "e"."Resistance", "e"."Sets", "e"."StoppedForPain"
        FROM "ExerciseLogs" AS "e"
        WHERE "e"."AccountId" IN ({ids}) AND "e"."Date" >= @since
        ORDER BY "e"."Date"
        """;

    private const string PageSport = """
        SELECT "c"."AccountId", "c"."Date", "c"."SportMinutes", "c"."Flare"
        FROM "CheckIns" AS "c"
        WHERE "c"."AccountId" IN ({ids})
        ORDER BY "c"."Date"
        """;

    private const string AuditHeadRow = """
        SELECT "a"."Id", "a"."EncodingFrom", "a"."HeadMac", "a"."Mac", "a"."Sequence"
        FROM "AuditHead" AS "a"
        WHERE "a"."Id" = 1
        LIMIT 1
        """;

    private const string UpdateAuditHead = """
        UPDATE "AuditHead" SET "HeadMac" = @p0, "Mac" = @p1, "Sequence" = @p2
        WHERE "Id" = @p3
        RETURNING 1;
        """;

    private const string InsertAudit = """
        INSERT INTO "AuditLog" ("Sequence", "Action", "Actor", "AtUtc", "Detail", "Mac", "Subject")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6);
        """;

    public static async Task HandleAsync(HttpContext http, Sql sql, Clinician clinician, byte[] auditKey, int bytes)
    {
        var ct = http.RequestAborted;
        await using var c = await sql.OpenAsync(ct);
        var id = ("@clinicianId", (object?)clinician.AccountId);
        // The per-request reads of the sign-in (the app's session check, language and account lookups).
        await ListAsync(c, null, Session, ReadAll, ct, ("@id", clinician.SessionId));
        await ListAsync(c, null, Language, ReadAll, ct, ("@accountId", clinician.AccountId));
        await ListAsync(c, null, Account, ReadAll, ct, ("@p", clinician.AccountId));

        var since = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-41); // CaseloadHandler: LookBackDays 40, one more for zones
        var patients = await ListAsync(c, null, Patients, r => (Id: r.GetString(0), Name: NullableString(r, 1), Email: NullableString(r, 2), Zone: r.GetString(3)), ct, id);
        var latest = (await ListAsync(c, null, Latest, r => (Account: r.GetString(1), Date: r.GetFieldValue<DateOnly>(3), PainNow: r.GetInt32(7), Row: ReadAll(r)), ct, id))
            .ToDictionary(x => x.Account);
        var recent = (await ListAsync(c, null, Recent, r => (Account: r.GetString(1), Date: r.GetFieldValue<DateOnly>(3), PainMorning: r.GetInt32(6), Row: ReadAll(r)), ct,
            id, ("@since", since))).ToLookup(x => x.Account);
        var states = (await ListAsync(c, null, States, r => (Account: r.GetString(1), Phase: r.GetString(7), Row: ReadAll(r)), ct, id)).ToDictionary(x => x.Account);
        await ListAsync(c, null, Stops, ReadAll, ct, id, ("@since", since));
        await ListAsync(c, null, CustomStops, ReadAll, ct, id, ("@since", since));
        await ListAsync(c, null, Pauses, ReadAll, ct, id, ("@since", since));
        await ListAsync(c, null, Acknowledged, ReadAll, ct, id, ("@clinicianId1", clinician.AccountId));

        var shown = patients.OrderBy(p => p.Name ?? p.Email, StringComparer.OrdinalIgnoreCase).Take(PageSize).ToArray();
        if (shown.Length > 0)
        {
            // The shown page's ids as parameters, as EF expands the ids array into @ids1, @ids2, …
            var names = string.Join(", ", shown.Select((_, i) => "@ids" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            var ids = shown.Select((p, i) => ("@ids" + (i + 1).ToString(CultureInfo.InvariantCulture), (object?)p.Id)).ToArray();
            var pageSince = ("@since", (object?)shown.Min(p => Patient.Today(p.Zone)).AddDays(-8)); // CaseloadDetails: a week and a day
            foreach (var statement in (string[])[PageProfiles, PageStates, PageDoses, PagePauses])
                await ListAsync(c, null, statement.Replace("{ids}", names, StringComparison.Ordinal), ReadAll, ct, ids);
            foreach (var statement in (string[])[PageCheckIns, PageLogs])
                await ListAsync(c, null, statement.Replace("{ids}", names, StringComparison.Ordinal), ReadAll, ct, [.. ids, pageSince]);
            await ListAsync(c, null, PageSport.Replace("{ids}", names, StringComparison.Ordinal), ReadAll, ct, ids);
            await AppendAuditAsync(c, sql, auditKey, clinician.AccountId, shown.Select(p => p.Id).ToArray(), ct);
        }

        var page = Html.Start("Caseload").Append("<h1>Caseload</h1><table><thead><tr><th>Patient</th><th>Phase</th><th>Last check-in</th><th>Pain now</th><th>Morning pain</th></tr></thead><tbody>");
        foreach (var p in shown)
        {
            var last = latest.GetValueOrDefault(p.Id);
            page.Append("<tr><th><a href=\"/clinician/patients/").Append(p.Id).Append("\">").Append(WebUtility.HtmlEncode(p.Name ?? p.Email)).Append("</a> ")
                .Append(WebUtility.HtmlEncode(p.Email)).Append("</th><td>").Append(states.TryGetValue(p.Id, out var s) ? s.Phase : "not set up")
                .Append("</td><td>").Append(last.Account is null ? "none yet" : last.Date.ToString("d MMM", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(last.Account is null ? "–" : last.PainNow.ToString(CultureInfo.InvariantCulture)).Append(" / 10</td><td>");
            foreach (var day in recent[p.Id].OrderBy(x => x.Date).TakeLast(14)) page.Append(day.PainMorning).Append(' ');
            page.Append("</td></tr>");
        }
        await Html.WriteAsync(http.Response, Html.Finish(page.Append("</tbody></table>"), bytes));
    }

    /// <summary>Patients on one page, as CaseloadHandler.PageSize.</summary>
    private const int PageSize = 50;

    /// <summary>Every column of a row, as the app materialises every column it selects.</summary>
    private static object[] ReadAll(DbDataReader r)
    {
        var values = new object[r.FieldCount];
        r.GetValues(values);
        return values;
    }

    /// <summary>
    /// AuditTrail.RecordManyAsync: one writer at a time (the app's semaphore; PostgreSQL's advisory lock), the
    /// checkpoint read, one row per patient chained by HMAC-SHA256 (length-prefixed fields, "audit-row-v2"), the
    /// checkpoint moved on and signed, in one transaction.
    /// </summary>
    private static async Task AppendAuditAsync(DbConnection c, Sql sql, byte[] key, string actorId, string[] subjects, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var atText = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await AuditAppend.WaitAsync(ct);
        try
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            if (!sql.IsSqlite) await ExecuteAsync(c, tx, "SELECT pg_advisory_xact_lock(727001)", ct);
            var head = (await FirstAsync(c, tx, AuditHeadRow, r => new AuditHeadState(r.GetInt64(1), r.GetString(3), r.GetInt64(4)), ct))
                ?? throw new InvalidOperationException("no audit checkpoint: start the app once first");
            var (sequence, previous) = (head.Sequence, head.Mac);
            var actor = Hmac(key, Encoding.UTF8.GetBytes("account:" + actorId))[..32];
            await using (var insert = Command(c, tx, InsertAudit, ("@p0", 0L), ("@p1", "read:caseload"), ("@p2", actor), ("@p3", at), ("@p4", null), ("@p5", ""), ("@p6", "")))
            {
                foreach (var subjectId in subjects)
                {
                    var subject = Hmac(key, Encoding.UTF8.GetBytes("account:" + subjectId))[..32];
                    sequence++;
                    previous = Hmac(key, LengthPrefixed("audit-row-v2", sequence.ToString(CultureInfo.InvariantCulture), atText, actor, subject, "read:caseload", null, previous));
                    insert.Parameters["@p0"].Value = sequence;
                    insert.Parameters["@p5"].Value = previous;
                    insert.Parameters["@p6"].Value = subject;
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
            var headMac = Hmac(key, LengthPrefixed("audit-head-v2", sequence.ToString(CultureInfo.InvariantCulture), previous, head.EncodingFrom.ToString(CultureInfo.InvariantCulture)));
            await ExecuteAsync(c, tx, UpdateAuditHead, ct, ("@p0", headMac), ("@p1", previous), ("@p2", sequence), ("@p3", 1));
            await tx.CommitAsync(ct);
        }
        finally
        {
            AuditAppend.Release();
        }
    }

    private sealed record AuditHeadState(long EncodingFrom, string Mac, long Sequence);

    private static string Hmac(byte[] key, byte[] input) => Convert.ToHexStringLower(HMACSHA256.HashData(key, input));

    /// <summary>AuditTrail.LengthPrefixed: each field as its UTF-8 byte count (4 bytes, big-endian; −1 for null), then its bytes.</summary>
    private static byte[] LengthPrefixed(params string?[] fields)
    {
        var buffer = new List<byte>();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, field is null ? -1 : bytes.Length);
            buffer.AddRange(length);
            buffer.AddRange(bytes);
        }
        return [.. buffer];
    }
}
