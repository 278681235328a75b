using System.Net;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.CheckInPatients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

public sealed class CheckInPauseTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task WarningSign_PausesTheProgram_AndResumeNeedsANewAssessmentAndTheDoctorsCheck()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "sign@example.com");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var response = await CheckInAsync(client, Answers(sign: "fever"));
        Assert.Equal("/program/paused", PathOf(response));
        var paused = WebUtility.HtmlDecode(await (await client.FollowAsync(response)).Content.ReadAsStringAsync());
        Assert.Contains("See a doctor within 24 hours", paused, StringComparison.Ordinal);
        Assert.Contains("Your program is paused", paused, StringComparison.Ordinal);
        var state = (await StatesAsync(factory, id)).Last();
        Assert.Equal((true, PhaseMove.Pause), (state.PausedForWarningSign, state.Move));

        // Neither condition: both named. The tick alone is not enough.
        var resume = await client.PostFormAsync("/program/resume", "resume", []);
        var html = await resume.Content.ReadAsStringAsync();
        Assert.Contains("id=\"assessment-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"doctorChecked-error\"", html, StringComparison.Ordinal);
        resume = await client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")]);
        Assert.Contains("id=\"assessment-error\"", await resume.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new assessment that still has a warning sign does not count.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Patients.TakeAssessmentAsync(client, [.. Patients.OveruseAnswers().Where(f => f.Key != "Form.NoWarningSigns"), F("Form.Flags", "fever")]);
        resume = await client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")]);
        Assert.Contains("id=\"assessment-error\"", await resume.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A clean assessment without the tick: the doctor's check is still missing.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Patients.TakeAssessmentAsync(client);
        resume = await client.PostFormAsync("/program/resume", "resume", []);
        html = await resume.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"assessment-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"doctorChecked-error\"", html, StringComparison.Ordinal);
        Assert.True((await StatesAsync(factory, id)).Last().PausedForWarningSign);

        // Both: the program restarts in settle, set by the patient.
        resume = await client.PostFormAsync("/program/resume", "resume", [F("Form.DoctorChecked", "true")]);
        Assert.Equal("/today", PathOf(resume));
        var restarted = (await StatesAsync(factory, id)).Last();
        Assert.Equal((Phase.Settle, false, PhaseMove.Resume, "patient"), (restarted.Phase, restarted.PausedForWarningSign, restarted.Move, restarted.SetBy));
        Assert.Contains("not paused", await (await client.GetAsync("/program/paused")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaddleNumbness_ShowsEmergencyCareNow_WithTheEmergencyNumber()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        await OnboardAsync(factory, client, "saddle@example.com");
        var response = await CheckInAsync(client, Answers(sign: "saddle-numbness"));
        var html = WebUtility.HtmlDecode(await (await client.FollowAsync(response)).Content.ReadAsStringAsync());
        Assert.Contains("Go to emergency care now", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:112\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolidayPause_MarksTheDaysPaused_StillAsksWarningSigns_AndEnds()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "holiday@example.com");
        var bad = await client.PostFormAsync("/check-in/pause", "start-pause", [F("Start.Reason", "party")]);
        Assert.Contains("id=\"reason-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db => db.Pauses.AnyAsync(p => p.AccountId == id)));

        Assert.Equal("/check-in", PathOf(await client.PostFormAsync("/check-in/pause", "start-pause", [F("Start.Reason", "holiday")])));
        var page = await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync();
        Assert.Contains("a holiday", page, StringComparison.Ordinal);
        Assert.Contains("Is any of these new since your last check-in?", page, StringComparison.Ordinal); // the safety net never pauses

        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("/check-in", PathOf(await client.PostFormAsync("/check-in/pause", "end-pause", [])));
        var pause = await factory.InDatabaseAsync(db => db.Pauses.SingleAsync(p => p.AccountId == id));
        Assert.Equal((Today(factory).AddDays(-2), Today(factory).AddDays(-1), PauseReason.Holiday), (pause.StartedOn, pause.EndedOn, pause.Reason));
    }

    [Fact]
    public async Task SportCap_LeavesPausedWeeksOutOfTheLoadSeries()
    {
        MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await OnboardAsync(factory, client, "load@example.com");
        var today = Today(factory);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        // In return counting from three Mondays ago; weeks of 80, 200 (paused a day), 90 minutes.
        var entry = monday.AddDays(-22);
        var weekOf = new[] { 80, 200, 90 };
        await factory.InDatabaseAsync(async db =>
        {
            db.ProgramStates.Add(new ProgramStateRecord { AccountId = id, EffectiveOn = entry, Phase = Phase.Return, CountsFrom = entry.AddDays(1),
                Move = PhaseMove.Advance, Reason = "test", SetBy = "engine" });
            for (var w = 0; w < 3; w++)
            {
                db.CheckIns.Add(new CheckInRecord { AccountId = id, Date = monday.AddDays(-21 + 7 * w + 2), PainMorning = 1, PainNow = 1,
                    SportMinutes = new Dictionary<Activity, int> { [Activity.Running] = weekOf[w] } });
            }
            db.Pauses.Add(new PauseRecord { AccountId = id, StartedOn = monday.AddDays(-11), EndedOn = monday.AddDays(-11), Reason = PauseReason.Illness });
            return await db.SaveChangesAsync();
        });
        // Onboarding wrote today's record (restore): the return record is older, so drop today's to stay in return.
        await factory.InDatabaseAsync(db => db.ProgramStates.Where(s => s.AccountId == id && s.EffectiveOn == today).ExecuteDeleteAsync());

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/check-in")).Content.ReadAsStringAsync());
        // 180 pre-injury → 90; 80 → 88; (200 left out); 90 counts 88 → 96. With the paused week it would be 99.
        Assert.Contains("This week's sport cap: 96 minutes", html, StringComparison.Ordinal);
        Assert.Contains("Sport rose 12.5%", html, StringComparison.Ordinal);
    }
}
