using System.Net;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Web.Features.Summary;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>The doctor-visit summary (F4): the facts of a seeded 8-week history, only one's own, and a helpful empty page.</summary>
public sealed partial class SummaryPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Summary_SignedOut_RedirectsToSignIn()
    {
        var response = await new FormClient(factory).GetAsync("/summary");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_EightWeekHistory_ShowsDurationsTrendWarningSignsPhasesDosesAndSessions()
    {
        MoveToSunday(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(client, "summary@example.com");
        var today = Today();
        Assert.Equal(DayOfWeek.Sunday, today.DayOfWeek);
        await SummaryHistory.SeedAsync(factory.InDatabaseAsync, id, factory.Clock.GetUtcNow(), today);
        DateOnly D(int day) => today.AddDays(day - (SummaryHistory.Days - 1));
        string Date(int day) => SummaryText.Date(D(day));
        string Short(int day) => SummaryText.Short(D(day));

        var html = await SummaryAsync(client);

        Assert.Contains($"Printed {SummaryText.Date(today)}", html, StringComparison.Ordinal);
        Assert.Contains("Age at sign-up: 41", html, StringComparison.Ordinal);
        Assert.Contains("Sore side: Left", html, StringComparison.Ordinal);
        // How long: 10 days before the first assessment (day 0) + 55 days since = 65 days.
        Assert.Contains($"About 9 weeks and 2 days, since about {Date(-10)}: 10 days before the first self-assessment on {Date(0)}, and 55 days since.", html, StringComparison.Ordinal);
        // Where and what makes it worse: the latest assessment (day 23), in the assessment page's labels.
        Assert.Contains("<dt>Where</dt> <dd>Front of the hip, Groin</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Lifting the knee towards the chest against resistance, Climbing stairs", html, StringComparison.Ordinal);
        Assert.Contains("A snapping or clicking feeling in the hip", html, StringComparison.Ordinal);
        Assert.Contains($"2/10 at the time, 3/10 at worst in the 24 hours before (self-assessment of {Date(23)})", html, StringComparison.Ordinal);

        // Warning signs ever reported, with their days and where; the triage of each assessment.
        Assert.Contains($"<strong>{Date(0)}</strong> (self-assessment): Pain at night that wakes you or does not ease with rest", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Date(20)}</strong> (daily check-in): A fever (38 °C or higher); Chills or shivering", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Date(0)}</strong>: Routine: book a doctor or physio visit.", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Date(23)}</strong>: Self-care: no doctor needed first.", html, StringComparison.Ordinal);
        Assert.Contains("The warning signs listed above: do they need tests or treatment now?", html, StringComparison.Ordinal);

        // Trend: first week (days 0–6) against last week (days 49–55), 54 check-ins (none on the two paused days after the fever).
        Assert.Contains("Pain now (0–10) went from an average of <strong>3.9</strong> in the first week to <strong>0.9</strong> in the last week (down 3.0), from 54 daily check-ins.", html, StringComparison.Ordinal);
        Assert.Contains($"{Short(0)} – {Date(6)}", html, StringComparison.Ordinal);
        Assert.Contains($"{Short(49)} – {Date(55)}", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Morning pain (0–10)</th><td class=\"num\">4.3</td><td class=\"num\">0.9</td><td>down 3.4</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Morning stiffness (minutes)</th><td class=\"num\">32.9</td><td class=\"num\">4.3</td><td>down 28.6</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg viewBox=\"0 0 300 60\" role=\"img\"", html, StringComparison.Ordinal);

        // Phases with their days, oldest first.
        var phases = new[] { $"{Date(0)}</strong>: Start · Settle", $"{Date(4)}</strong>: Moved on · Restore", $"{Date(20)}</strong>: Paused · Restore (paused for a warning sign)",
            $"{Date(23)}</strong>: Resumed · Settle", $"{Date(26)}</strong>: Moved on · Restore", $"{Date(40)}</strong>: Moved on · Return" };
        var at = phases.Select(p => html.IndexOf(p, StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);

        // Doses now, where they started, why; logged and stopped counts (straight leg raise: 14 + 13 + 15 sessions).
        Assert.Contains("<strong>Straight leg raise</strong>: 2×15, light resistance (started at 2×15, no resistance). Logged 42 times, stopped for pain once.", html, StringComparison.Ordinal);
        Assert.Contains("Why this dose: You stopped it for pain: one step down.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Seated marching</strong>: 2×15, light resistance (started at 2×15, no resistance).", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Butterfly stretch</strong>: 3 holds of 25 seconds (started at 3 holds of 20 seconds).", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{ExerciseCatalogue.Get(ExerciseId.SportWarmUp).Name}</strong>: About 10 minutes, right before every sport session. Not logged yet.", html, StringComparison.Ordinal);
        Assert.Contains("— not in the current phase. Logged 7 times.", html, StringComparison.Ordinal); // self-massage: settle days 0–3 and 23–25

        // Sessions: days 0–54 less the 3 paused = 52 planned, + today (logged) = 53; 4 missed → 49 done.
        Assert.Contains("<strong>49 of 53</strong> planned days had a session (92 %).", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>2 times</strong>: Seated marching on {Short(15)}; Straight leg raise on {Short(44)}.", html, StringComparison.Ordinal);
        Assert.Contains("Sport: 180 minutes a week before the pain. Now: This week's sport cap: 99 minutes.", html, StringComparison.Ordinal);
        // Week by week: the first week, the paused week, and the two weeks of running against the cap.
        Assert.Contains(Row(Short(0), 7, "3.9", "4.3", "32.9", "7 / 7", 0, "0 / 0"), html, StringComparison.Ordinal);
        Assert.Contains(Row(Short(14) + " (paused days)", 7, "2.3", "3.1", "15.7", "6 / 6", 1, "0 / 0"), html, StringComparison.Ordinal);
        Assert.Contains(Row(Short(42), 7, "1.0", "2.0", "10.0", "6 / 7", 1, "90 / 90"), html, StringComparison.Ordinal);
        Assert.Contains(Row(Short(49), 7, "0.9", "0.9", "4.3", "7 / 7", 0, "100 / 99"), html, StringComparison.Ordinal);
        Assert.Equal(8, CountOf(html, "<th scope=\"row\">", within: "week-table"));

        Assert.Contains("None recorded.", html, StringComparison.Ordinal);
        Assert.Contains("presses on the front of it, over the bursa", html, StringComparison.Ordinal);
        Assert.Contains("IlioCare does not diagnose.", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/print\\.js\\?v=[0-9a-f]{16}\" defer></script>", html); // versioned: cached, never stale (H85)
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("summary@example.com", html, StringComparison.Ordinal);

        // Own rows only: another patient sees none of it, and their warning sign is not in this summary.
        var other = new FormClient(factory);
        var otherId = await OnboardAsync(other, "summary-other@example.com");
        await factory.InDatabaseAsync(db =>
        {
            db.CheckIns.Add(new Data.CheckInRecord { AccountId = otherId, Date = today, PainNow = 6, PainMorning = 6, StiffnessMinutes = 30,
                WarningSigns = new HashSet<Clinical.Assessment.WarningSign> { Clinical.Assessment.WarningSign.AbdominalPain } });
            return db.SaveChangesAsync();
        });
        var theirs = await SummaryAsync(other);
        Assert.DoesNotContain("Chills or shivering", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Seated marching on", theirs, StringComparison.Ordinal);
        Assert.Contains("Not enough check-ins for a trend yet (1 check-in so far)", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Pain in the belly (abdomen)", await SummaryAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_WithoutProgram_SaysWhatToDo_AndStillShowsTheAssessmentAndTheTests()
    {
        var client = new FormClient(factory);
        var result = await Patients.TakeAssessmentAsync(client, Answers());
        var assessment = result.Split('/').Last();
        await Patients.SignUpAsync(client, "summary-new@example.com", assessment, 41);

        var html = await SummaryAsync(client);
        Assert.Contains("Your program is not set up yet", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/onboarding\"", html, StringComparison.Ordinal);
        Assert.Contains("About 1 week and 3 days", html, StringComparison.Ordinal); // symptomDays 10, taken today
        Assert.Contains("(self-assessment): Pain at night that wakes you or does not ease with rest", html, StringComparison.Ordinal);
        Assert.Contains("Bone scan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("What was tried", html, StringComparison.Ordinal);

        var bare = new FormClient(factory);
        await Patients.SignUpAsync(bare, "summary-bare@example.com", age: 30);
        var empty = await SummaryAsync(bare);
        Assert.Contains("There is nothing of yours to sum up yet", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessment\"", empty, StringComparison.Ordinal);
        Assert.Contains("Questions to ask the doctor", empty, StringComparison.Ordinal);
    }

    private static async Task<string> SummaryAsync(FormClient client)
    {
        var response = await client.GetAsync("/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Decoded, whitespace runs collapsed to one space: the facts are checked, not the template's indentation.
        return Whitespace().Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), " ");
    }

    [Fact]
    public async Task Summary_InSpanish_HeadingsDatesNumbersAndExercises_FollowTheCulture_AndNoSpecReference()
    {
        MoveToSunday(factory);
        var client = new FormClient(factory);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        var id = await OnboardAsync(client, "summary-es@example.com");
        var today = Today();
        await SummaryHistory.SeedAsync(factory.InDatabaseAsync, id, factory.Clock.GetUtcNow(), today);

        var html = await SummaryAsync(client);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Resumen para la consulta médica</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Preguntas para el médico", html, StringComparison.Ordinal);
        // Dates and numbers follow the culture: "3 de diciembre de 2026", a decimal comma.
        var culture = new System.Globalization.CultureInfo("es");
        Assert.Contains($"Impreso el {today.ToString("d 'de' MMMM 'de' yyyy", culture)}", html, StringComparison.Ordinal);
        Assert.Contains("una media de <strong>3,9</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Elevación de pierna estirada</strong>", html, StringComparison.Ordinal);
        Assert.Contains("(autoevaluación)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Doctor-visit summary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("§", html, StringComparison.Ordinal);
        // The sparkline's coordinates stay machine numbers, whatever the culture.
        Assert.Matches("<polyline class=\"spark-line\" points=\"[0-9., ]+\"", html);
    }

    /// <summary>A routine assessment (night pain) that starts in settle, with morning stiffness that eases.</summary>
    private static KeyValuePair<string, string>[] Answers() =>
    [
        F("Form.Age", "41"), F("Form.Side", "left"), F("Form.SymptomDays", "10"), F("Form.PainNow", "5"), F("Form.PainWorst", "6"),
        F("Form.PainSites", "front-of-hip"), F("Form.Aggravators", "hip-flexion"), F("Form.Activities", "running"),
        F("Form.MorningStiffness", "true"), F("Form.StiffnessEasesDuringDay", "true"), F("Form.Flags", "night-pain"),
    ];

    private Task<string> OnboardAsync(FormClient client, string email) =>
        CheckInPatients.OnboardAsync(factory, client, email, Answers(), age: 41);

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris).DateTime);

    /// <summary>Moves the clock on to the next Sunday 10:00 in Paris: the seeded weeks then run Monday to Sunday.</summary>
    private static void MoveToSunday(IlioCareFactory factory)
    {
        var local = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris);
        var days = ((int)DayOfWeek.Sunday - (int)local.DayOfWeek + 7) % 7;
        var target = local.Date.AddDays(days).AddHours(10);
        if (target <= local.DateTime) target = target.AddDays(7);
        factory.Clock.Advance(target - local.DateTime);
    }

    private static string Row(string week, int checkIns, string pain, string morning, string stiffness, string sessions, int stops, string sport) =>
        $"<th scope=\"row\">{week}</th> <td class=\"num\">{checkIns}</td> <td class=\"num\">{pain}</td> " +
        $"<td class=\"num\">{morning}</td> <td class=\"num\">{stiffness}</td> " +
        $"<td class=\"num\">{sessions}</td> <td class=\"num\">{stops}</td> <td class=\"num\">{sport}</td>";

    private static int CountOf(string html, string what, string within)
    {
        var start = html.IndexOf(within, StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return (table.Length - table.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
