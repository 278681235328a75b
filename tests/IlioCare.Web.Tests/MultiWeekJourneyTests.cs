using System.Globalization;
using System.Net;
using System.Text.Json;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Progression;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>
/// One patient lives 53 calendar days (7½ weeks) through the API with a fake clock: check-ins, exercise logs, sport
/// minutes, a single stop, a flare by a second stop, a holiday pause, two entries into return and a warning sign.
/// Every day's phase, strengthening doses, sport cap and the reasons of the moves are checked against values worked
/// out by hand from SPEC §4, §6 and §7 (the arithmetic is in the comments), not read back from the engine.
/// </summary>
public sealed class MultiWeekJourneyTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly Dose Light = new(2, 15, Resistance.Light);

    // Day 0 is a Monday, so ISO weeks are days 0–6 (W0), 7–13 (W1), 14–20 (W2), … 49–55 (W7).
    private const int FirstReturn = 13, FlareDay = 24, SecondReturn = 32, HolidayFrom = 44, HolidayTo = 46, WarningDay = 51, ResumeDay = 52;

    /// <summary>Sport minutes by day (running), all under the day's cap.</summary>
    private static readonly Dictionary<int, int> Sport = new()
    {
        [14] = 20, [16] = 20, [18] = 20, [20] = 20, // W2: 80
        [21] = 30, [23] = 30,                      // W3 up to the flare (day 24): 60
        [35] = 25, [38] = 25,                      // W5: 50
        [42] = 20,                                 // W6: holiday days 44–46, the week stays out of §7
        [49] = 30,
    };

    /// <summary>SPEC §4 by hand: restore from the assessment; return after 7 calm days, all at light, pain-free hops.</summary>
    private static string ExpectedPhase(int day) => day switch
    {
        < FirstReturn => "restore",    // days 0–12: the 7 days hold from day 6, light is reached on day 12 (below)
        < FlareDay => "return",        // day 12's review asks the hop test; day 13's pain-free hops move to return
        < SecondReturn => "restore",   // day 24: second stop within 7 days (days 22 and 24) → back to restore
        < ResumeDay => "return",       // 7 calm days from day 25 by day 31, all light since day 28 → hops on day 32
        _ => "settle",                 // F3: a warning sign on day 51; resumed on day 52 in settle
    };

    /// <summary>
    /// SPEC §7 by hand (pre-injury 180 min): cap₁ = max(10, ⌊0.5 × 180⌋) = 90 for the first return (weeks from its count
    /// start, day 14). W2: 80 min → W3 cap max(10, ⌊1.1 × min(80, 90)⌋) = 88. The flare in W3 leaves the flare cap
    /// ⌊0.9 × min(60, 88)⌋ = 54 (the week's 60 minutes up to the flare day), held in restore (§4) and the start cap of the
    /// second return (§7 startCap). W5: 50 min → W6 cap max(10, ⌊1.1 × min(50, 54)⌋) = 55; W6 has paused days and is left
    /// out, so W7's cap stays 55. Settle and a warning-sign pause: 0.
    /// </summary>
    private static int ExpectedCap(int day) => day switch
    {
        < FirstReturn => 0,
        < 21 => 90,
        < FlareDay => 88,
        < 42 => 54,
        < WarningDay => 55,
        _ => 0,
    };

    /// <summary>
    /// SPEC §6 by hand: calm sessions of all three on days 0–11 step them up every third morning (3, 6, 9, 12):
    /// 2×15 → 2×20 → 3×15 → 3×20 → 2×15 light. Seated marching stopped on day 22 → one step down on day 23 (3×20 none),
    /// calm on days 23–25 → light on day 26. Straight leg raise stopped on day 24 → 3×20 none on day 25, calm on days
    /// 25–27 → light on day 28. Standing band hip flexion is not logged after day 11: held at light.
    /// </summary>
    private static Dose ExpectedDose(ExerciseId exercise, int day) => (exercise, day) switch
    {
        (_, < 3) => new(2, 15, Resistance.None),
        (_, < 6) => new(2, 20, Resistance.None),
        (_, < 9) => new(3, 15, Resistance.None),
        (_, < 12) => new(3, 20, Resistance.None),
        (ExerciseId.SeatedMarching, >= 23 and < 26) => new(3, 20, Resistance.None),
        (ExerciseId.StraightLegRaise, >= 25 and < 28) => new(3, 20, Resistance.None),
        _ => Light,
    };

    /// <summary>What the patient logs each day (after the check-in): (exercise, stopped for pain).</summary>
    private static IEnumerable<(string Exercise, bool Stopped)> Logs(int day)
    {
        if (day <= 11)
        {
            foreach (var id in ExerciseCatalogue.Strengthening) yield return (WireName.Of(id), false);
            if (day == 1) yield return ("side-kick", true); // a single stop: that stretch steps down, no flare (§4)
        }
        if (day == 22) yield return ("seated-marching", true);
        if (day is >= 23 and <= 25) yield return ("seated-marching", false);
        if (day == FlareDay) yield return ("straight-leg-raise", true); // the second stop within 7 days
        if (day is >= 25 and <= 27) yield return ("straight-leg-raise", false);
    }

    [Fact]
    public async Task SevenAndAHalfWeeks_PhaseDosesCapAndReasons_FollowTheSpecDayByDay()
    {
        MoveToMondayMorning();
        var (client, id, api) = await OnboardedPatientAsync(factory, "seven-weeks@example.com");
        var start = CheckInPatients.Today(factory);
        Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);

        for (var day = 0; day <= ResumeDay; day++)
        {
            if (day > 0) factory.Clock.Advance(TimeSpan.FromDays(1));
            var date = TodayIso(factory);
            if (day == HolidayFrom) Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/me/pause", Json("""{"reason":"holiday"}"""))).StatusCode);
            if (day == HolidayTo + 1) Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/me/pause")).StatusCode);
            if (day == ResumeDay)
            {
                // F3: a new assessment without warning signs and the patient's word that a doctor has checked. The page
                // session of day 0 has expired after 14 days (only the API token was used since): sign in again first.
                client = new FormClient(factory);
                Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/sign-in", "sign-in",
                    [FormClient.F("Form.Email", "seven-weeks@example.com"), FormClient.F("Form.Password", Patients.Password)])).StatusCode);
                await Patients.TakeAssessmentAsync(client);
                var resumed = await api.PostAsync("/api/v1/me/resume", Json("""{"doctorChecked":true}"""));
                Assert.True(resumed.StatusCode == HttpStatusCode.NoContent, await resumed.Content.ReadAsStringAsync());
            }
            else
            {
                await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{date}", Json(CheckIn(day))));
            }
            foreach (var (exercise, stopped) in Logs(day))
            {
                var logged = await JsonAsync(await api.PostAsync("/api/v1/me/exercise-logs", Json(
                    $$"""{"exercise":"{{exercise}}","outcome":"{{(stopped ? "pain-went-up" : "done")}}","painBefore":1,"painDuring":{{(stopped ? 4 : 1)}}}""")), HttpStatusCode.Created);
                // SPEC §4: the flare is the moment the second stop is logged, with no check-in saved after it.
                Assert.True((day == FlareDay && stopped) == logged.GetProperty("flare").GetBoolean(), $"day {day}, {exercise}: {logged}");
            }

            var today = await JsonAsync(await api.GetAsync("/api/v1/me/today"));
            var what = $"day {day} ({date})";
            Assert.True(ExpectedPhase(day) == today.GetProperty("phase").GetString(), $"{what}: phase {today.GetProperty("phase")}");
            Assert.True(ExpectedCap(day) == today.GetProperty("sport").GetProperty("capMinutes").GetInt32(), $"{what}: cap {today.GetProperty("sport")}");
            var status = today.GetProperty("status").GetString();
            Assert.True(Status(day) == status, $"{what}: status {status}");
            if (status == "ready" && ExpectedPhase(day) is "restore" or "return")
            {
                foreach (var exercise in ExerciseCatalogue.Strengthening)
                {
                    var item = today.GetProperty("session").GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("exercise").GetString() == WireName.Of(exercise));
                    Assert.True(WireName.TryParse<Resistance>(item.GetProperty("resistance").GetString(), out var resistance), what);
                    var shown = new Dose(item.GetProperty("sets").GetInt32(), item.GetProperty("reps").GetInt32(), resistance);
                    Assert.True(ExpectedDose(exercise, day) == shown, $"{what}: {WireName.Of(exercise)} at {shown}, expected {ExpectedDose(exercise, day)}");
                    AssertDoseReason(day, exercise, item.GetProperty("reason").GetString()!, what);
                }
            }
            AssertPhaseReason(day, today.GetProperty("phaseReason").GetString()!, what);
        }

        // The warning-sign day: paused, no session, no dose went up that morning (F3).
        var warningDate = start.AddDays(WarningDay);
        Assert.DoesNotContain(await factory.InDatabaseAsync(db => db.Doses.Where(d => d.AccountId == id && d.EffectiveFrom == warningDate).ToListAsync()),
            d => d.Action == ProgressionAction.Progress);
        // The flare is on the day's check-in: the caseload and the §7 flare week read it.
        Assert.Equal([start.AddDays(FlareDay)], await factory.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == id && c.Flare).Select(c => c.Date).ToListAsync()));
    }

    private static string CheckIn(int day)
    {
        var sport = Sport.TryGetValue(day, out var minutes) ? $$""","sportMinutes":{"running":{{minutes}}}""" : "";
        var hop = day is FirstReturn or SecondReturn ? ""","hopTest":"pain-free" """ : "";
        var signs = day == WarningDay ? """["fever"]""" : "[]";
        return $$"""{"painMorning":1,"stiffnessMinutes":10,"painNow":1,"warningSigns":{{signs}}{{sport}}{{hop}}}""";
    }

    private static string Status(int day) => day switch
    {
        >= HolidayFrom and <= HolidayTo => "paused-by-patient",
        WarningDay => "paused-for-warning-sign",
        ResumeDay => "no-check-in", // resumed this morning; today's check-in is still to come
        _ => "ready",
    };

    private static void AssertPhaseReason(int day, string reason, string what)
    {
        var expected = day switch
        {
            FirstReturn or SecondReturn => "Moved to return: 7 days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more, and 10 hops on the sore leg without pain.",
            FlareDay => "Back to restore because of a flare: this is a second exercise stopped for pain within 7 days.",
            WarningDay => "Program paused: you reported a warning sign.",
            ResumeDay => "Program restarted in settle",
            _ => null,
        };
        if (expected is not null) Assert.True(reason.StartsWith(expected, StringComparison.Ordinal), $"{what}: phase reason \"{reason}\"");
    }

    private static void AssertDoseReason(int day, ExerciseId exercise, string reason, string what)
    {
        var before = ExpectedDose(exercise, day - 1);
        var now = ExpectedDose(exercise, day);
        if (day == 0 || before == now) return;
        // §6 in the patient's words: up after three calm sessions, down after a stop.
        var up = Ladder.Steps.ToList().IndexOf(now) > Ladder.Steps.ToList().IndexOf(before);
        var expected = up ? $"Up to {now}:" : $"Down to {now}: the exercise was stopped for pain";
        Assert.True(reason.StartsWith(expected, StringComparison.Ordinal), $"{what}: {WireName.Of(exercise)} reason \"{reason}\"");
    }

    /// <summary>Moves the clock to the next Monday, before 09:00 in Paris (OnboardedPatientAsync then moves to 09:00).</summary>
    private void MoveToMondayMorning()
    {
        var local = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Paris);
        var days = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        if (days == 0 && local.Hour >= 6) days = 7;
        var target = local.Date.AddDays(days).AddHours(6);
        factory.Clock.Advance(target - local.DateTime);
    }
}
