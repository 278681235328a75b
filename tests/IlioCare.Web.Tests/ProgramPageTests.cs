using System.Net;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Tests;

/// <summary>The program page (F5): phase, why, what moves it on, progress from the engine, history, only one's own.</summary>
public sealed class ProgramPageTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task Program_SignedOut_RedirectsToSignIn()
    {
        var response = await new FormClient(factory).GetAsync("/program");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_PatientWithCheckIns_ShowsPhaseReasonProgressAndHistory_AndNobodyElseSeesThem()
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, "program@example.com");
        var (accountId, today) = await factory.InDatabaseAsync(async db =>
        {
            var profile = await db.PatientProfiles.SingleAsync(p => p.AccountId == db.Users.Single(u => u.Email == "program@example.com").Id);
            return (profile.AccountId, PatientToday.Date(factory.Clock, profile.TimeZoneId));
        });
        await factory.InDatabaseAsync(async db =>
        {
            // Three calm check-ins ending today, and an older state record so the history has two rows.
            db.ProgramStates.Add(new ProgramStateRecord
            {
                AccountId = accountId, EffectiveOn = today.AddDays(-10), Phase = Phase.Settle, CountsFrom = today.AddDays(-10),
                Move = PhaseMove.Stay, Reason = "An earlier settle start.", SetBy = "onboarding",
            });
            for (var d = -2; d <= 0; d++)
                db.CheckIns.Add(new CheckInRecord { AccountId = accountId, Date = today.AddDays(d), PainMorning = 1, StiffnessMinutes = 5, PainNow = 1 });
            return await db.SaveChangesAsync();
        });

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/program")).Content.ReadAsStringAsync());
        Assert.Contains("Your phase now: Restore", html, StringComparison.Ordinal);
        Assert.Contains("Why: Your program starts in restore, as your assessment suggested.", html, StringComparison.Ordinal);
        Assert.Contains($"after {PhaseMoves.RestoreDays} days in a row", html, StringComparison.Ordinal);
        // Onboarding counts from its own day (today), so only today's check-in counts: the engine's own words.
        Assert.Contains("So far:</strong> Staying in restore: 1 of 7 days in a row so far", html, StringComparison.Ordinal);
        var newer = html.IndexOf("Your program starts in restore", html.IndexOf("History", StringComparison.Ordinal), StringComparison.Ordinal);
        var older = html.IndexOf("An earlier settle start.", StringComparison.Ordinal);
        Assert.True(newer > 0 && older > newer, "history is newest first");
        Assert.Contains("href=\"/library/straight-leg-raise\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);

        var other = new FormClient(factory);
        await Patients.OnboardAsync(other, "program-other@example.com");
        var theirs = await (await other.GetAsync("/program")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("An earlier settle start.", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("So far:", theirs, StringComparison.Ordinal);
    }
}
