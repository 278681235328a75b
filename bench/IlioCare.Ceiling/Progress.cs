using System.Globalization;
using static IlioCare.Ceiling.Sql;

namespace IlioCare.Ceiling;

/// <summary>
/// GET /progress — mirrors <c>ProgressViewHandler.LoadAsync</c> (src/IlioCare.Web/Features/Progress/ProgressView.cs):
/// the seven PatientHistory statements (<see cref="History.LoadAsync"/>) and the two functional-scale SELECTs, as
/// EF's command log shows them for one request, then a page of the app's size with one table row per check-in.
/// Skipped: the framework (cookie decryption, authorization, antiforgery tokens of the page's three forms, Blazor's
/// renderer and layout, EF) and also the app's own chart building (ProgressView.Build, HeatMapBuilder, the SVG
/// chart components) — so this ratio holds some app code too, named as such in docs/performance.md.
/// </summary>
internal static class Progress
{
    private const string Activities = """
        SELECT "f"."Id", "f"."AccountId", "f"."CreatedAtUtc", "f"."Name", "f"."Position"
        FROM "FunctionalScaleActivities" AS "f"
        WHERE "f"."AccountId" = @accountId
        ORDER BY "f"."Position"
        """;
    private const string Ratings = """
        SELECT "f"."Id", "f"."AccountId", "f"."Position", "f"."RecordedAtUtc", "f"."Score", "f"."WeekStart"
        FROM "FunctionalScaleRatings" AS "f"
        WHERE "f"."AccountId" = @accountId
        """;

    public static async Task HandleAsync(HttpContext http, Sql sql, Patient patient, int bytes)
    {
        var ct = http.RequestAborted;
        await using var c = await sql.OpenAsync(ct);
        var history = (await History.LoadAsync(c, null, patient.AccountId, ct))!;
        var id = ("@accountId", (object?)patient.AccountId);
        var activities = await ListAsync(c, null, Activities, r => r.GetString(3), ct, id);
        var ratings = await ListAsync(c, null, Ratings, r => r.GetInt32(4), ct, id);

        var page = Html.Start("Progress").Append("<h1>Progress</h1><table><tr><th>Date</th><th>Pain morning</th><th>Pain now</th><th>Stiffness</th><th>Sport</th></tr>");
        foreach (var ci in history.CheckIns)
            page.Append("<tr><td>").Append(ci.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td>").Append(ci.PainMorning)
                .Append("</td><td>").Append(ci.PainNow).Append("</td><td>").Append(ci.StiffnessMinutes).Append("</td><td>").Append(ci.TotalSportMinutes).Append("</td></tr>");
        page.Append("</table><ul>");
        foreach (var a in activities) page.Append("<li>").Append(a).Append("</li>");
        page.Append("</ul><p>").Append(ratings.Count).Append(" ratings, ").Append(history.Logs.Count).Append(" sessions logged</p>");
        await Html.WriteAsync(http.Response, Html.Finish(page, bytes));
    }
}
