using System.Text.RegularExpressions;
using IlioCare.Data;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>
/// Issue 14 in Chromium at 360 px: the app is installable, Today, the player and the check-in work without network,
/// what was done offline arrives once when the network is back, a warning sign ticked offline shows its advice at
/// once, and signing out leaves no page or queued answer of the patient on the phone.
/// </summary>
public sealed partial class OfflineJourneys(AppServer app) : IClassFixture<AppServer>
{
    private const string TimeZone = "Europe/Berlin";
    private const string Marching = "/today/session/seated-marching";

    [Fact]
    public async Task App_IsInstallable_ManifestAndServiceWorkerAccepted()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForServiceWorkerAsync(page);

        var cdp = await context.NewCDPSessionAsync(page);
        var manifest = await cdp.SendAsync("Page.getAppManifest") ?? throw new InvalidOperationException("no answer");
        Assert.EndsWith("/manifest.webmanifest", manifest.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Empty(manifest.GetProperty("errors").EnumerateArray());
        // Chromium's own reading of it (the "manifest" member of newer Chromiums): an installable display mode.
        if (manifest.TryGetProperty("manifest", out var read)) Assert.Equal("kStandalone", read.GetProperty("display").GetString());

        var installability = await cdp.SendAsync("Page.getInstallabilityErrors") ?? throw new InvalidOperationException("no answer");
        var errors = installability.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()).ToList();
        // Playwright's contexts are off the record, which Chromium reports on its own; anything else is ours.
        var ours = errors.Where(e => e != "in-incognito").ToList();
        Assert.True(ours.Count == 0, "installability errors: " + string.Join(", ", ours));
    }

    [Fact]
    public async Task Patient_LogsAnExerciseAndChecksInOffline_EachArrivesOnceWhenBackOnline_SignOutForgetsIt()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "offline-360px");
        var page = journey.Page;
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        var email = $"offline-{Guid.NewGuid():N}@example.com";
        await SignUpAndOnboardAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var today = PatientToday.Date(app.Clock, TimeZone);
        await app.InDatabaseAsync(db =>
        {
            db.CheckIns.Add(new CheckInRecord { AccountId = accountId, Date = today, PainMorning = 2, StiffnessMinutes = 5, PainNow = 2 });
            return db.SaveChangesAsync();
        });

        // Online: the service worker takes over, and the pages visited are kept on the phone.
        await WaitForServiceWorkerAsync(page);
        foreach (var path in new[] { "/today", Marching, "/check-in" }) await page.GotoAsync(path);

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/today");
        await Assertions.Expect(new TodayPage(page).SessionHeading).ToBeVisibleAsync();
        var offlineLine = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Offline" });
        await Assertions.Expect(offlineLine).ToHaveTextAsync("Offline — your answers will be sent when you are back online.");
        await journey.CheckAsync("today-offline");

        // The player, offline: "Done" is kept on the phone and the page comes back from its copy.
        await page.GotoAsync(Marching);
        var player = new PlayerPage(page);
        await player.PainBefore.ChooseAsync(1);
        await player.CountAllByHandAsync(); // honest logging: "Done" is complete only when everything was counted
        await player.PainDuring.ChooseAsync(3);
        await player.Done.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Queued());
        await Assertions.Expect(offlineLine).ToContainTextAsync("1 answer is kept on this phone");
        await journey.CheckAsync("player-queued-offline");

        // The check-in, offline: a warning sign's advice shows at once, before anything is sent.
        await page.GotoAsync("/check-in");
        var checkIn = new CheckInPageObject(page);
        await checkIn.AnswerAsync(painMorning: 4, stiffness: 10, painNow: 3);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "None of these" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Update my check-in" }).ClickAsync();
        await Assertions.Expect(offlineLine).ToContainTextAsync("2 answers are kept on this phone");

        // Nothing reached the server while offline.
        Assert.Empty(await app.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == accountId).ToListAsync()));
        Assert.Equal(2, await app.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId).Select(c => c.PainMorning).SingleAsync()));

        // Back online: the line says the kept answers are being sent, and goes away once the phone's queue is empty.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#offline-line")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        var log = await app.InDatabaseAsync(db => db.ExerciseLogs.Where(l => l.AccountId == accountId).SingleAsync());
        Assert.Equal((true, 1, 3), (log.Completed, log.PainBefore, log.PainDuring));
        Assert.Equal(4, await app.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId).Select(c => c.PainMorning).SingleAsync()));
        Assert.Equal(2, await app.InDatabaseAsync(db => db.ProcessedRequests.CountAsync(r => r.AccountId == accountId)));

        // A second replay (another page coming online) sends nothing again: the queue is empty.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Daily check-in");
        Assert.Equal(2, await app.InDatabaseAsync(db => db.ProcessedRequests.CountAsync(r => r.AccountId == accountId)));
        Assert.Equal(0, await QueuedAsync(page));

        // Sign out: no page of the patient and no queued answer stays on the phone.
        Assert.Contains("/today", await KeptPagesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var kept = await KeptPagesAsync(page);
        Assert.DoesNotContain(kept, p => p.StartsWith("/today", StringComparison.Ordinal) || p == "/check-in");
        Assert.Equal(0, await QueuedAsync(page));
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task WarningSignTickedOffline_ShowsTheAdviceAndTheEmergencyNumberAtOnce()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var journey = new Journey(await context.NewPageAsync(), "offline-warning-sign-360px");
        var page = journey.Page;
        await SignUpAndOnboardAsync(page, $"offline-sign-{Guid.NewGuid():N}@example.com");
        await WaitForServiceWorkerAsync(page);
        await page.GotoAsync("/check-in");

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/check-in");
        var advice = page.Locator("#sign-advice");
        await Assertions.Expect(advice).ToBeHiddenAsync();
        await new CheckInPageObject(page).TickWarningSignAsync("A fever (38 °C or higher)");
        await Assertions.Expect(advice).ToBeVisibleAsync();
        await Assertions.Expect(advice).ToContainTextAsync("See a doctor within 24 hours");
        await Assertions.Expect(advice.GetByRole(AriaRole.Link, new() { Name = "112", Exact = true })).ToBeVisibleAsync();
        await journey.CheckAsync("urgent-sign-advice");

        // A sign that is an emergency on its own says so.
        await new CheckInPageObject(page).TickWarningSignAsync(await EmergencySignLabelAsync(page));
        await Assertions.Expect(advice).ToContainTextAsync("Go to emergency care now");
        await Assertions.Expect(advice.GetByText("See a doctor within 24 hours")).ToBeHiddenAsync();
        await journey.CheckAsync("emergency-sign-advice");
    }

    [Fact]
    public async Task SigningIn_ForgetsThePagesKeptForTheAccountBefore()
    {
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var page = await context.NewPageAsync();
        var email = $"offline-signin-{Guid.NewGuid():N}@example.com";
        await SignUpAndOnboardAsync(page, email);
        await WaitForServiceWorkerAsync(page);
        await page.GotoAsync("/check-in");
        Assert.Contains("/check-in", await KeptPagesAsync(page));

        // The session ends without a sign-out (expired, or ended from another device); someone signs in on this phone.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/sign-in");
        await new SignInPage(page).SignInAsync(email, "a long enough passphrase");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        // Only what this sign-in opened since (the page it lands on) is kept.
        Assert.DoesNotContain("/check-in", await KeptPagesAsync(page));
    }

    [Fact]
    public async Task CheckInPageKeptFromYesterday_SentOfflineToday_CountsForToday()
    {
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 360, Height = 780 }, TimezoneId = TimeZone,
        });
        var page = await context.NewPageAsync();
        var email = $"offline-stale-{Guid.NewGuid():N}@example.com";
        await SignUpAndOnboardAsync(page, email);
        var accountId = await app.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await WaitForServiceWorkerAsync(page);
        await page.GotoAsync("/check-in"); // kept on the phone with yesterday's date in the form
        var yesterday = PatientToday.Date(app.Clock, TimeZone);

        // The next day, still without network, the patient checks in from the kept page.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await page.Clock.SetFixedTimeAsync(app.Clock.GetUtcNow().UtcDateTime);
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/check-in");
        var checkIn = new CheckInPageObject(page);
        await checkIn.AnswerAsync(painMorning: 3, stiffness: 5, painNow: 2);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "None of these" }).CheckAsync();
        await checkIn.SaveAsync();
        await Assertions.Expect(page.Locator("#offline-line")).ToContainTextAsync("1 answer is kept");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#offline-line")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        var saved = await app.InDatabaseAsync(db => db.CheckIns.Where(c => c.AccountId == accountId).SingleAsync());
        Assert.Equal((yesterday.AddDays(1), 3), (saved.Date, saved.PainMorning));
    }

    /// <summary>The label of the first sign marked as an emergency on its own (cauda equina signs, SPEC §3).</summary>
    private static Task<string> EmergencySignLabelAsync(IPage page) =>
        page.Locator(".sign-emergency label").First.InnerTextAsync();

    /// <summary>H325 (issue 16): an address not kept on the phone answers, offline, in the language of the pages read online.</summary>
    [Fact]
    public async Task OfflineFallback_IsInTheReadersLanguage()
    {
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 360, Height = 780 }, Locale = "es-ES",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForServiceWorkerAsync(page);
        await page.GotoAsync("/learn");
        // The page hands its words to the worker, which keeps them with the static files.
        await page.WaitForFunctionAsync("async () => !!(await caches.match('/offline-fallback'))", null, new() { Timeout = 10_000, PollingInterval = 200 });

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/terms");
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("No tienes conexión", await page.InnerTextAsync("h1"));
        Assert.Equal("Ir a Hoy", await page.InnerTextAsync("main a"));
        await context.SetOfflineAsync(false);
    }

    private static async Task WaitForServiceWorkerAsync(IPage page)
    {
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 10_000 });
    }

    private static async Task<string[]> KeptPagesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            async () => {
              const paths = [];
              for (const name of await caches.keys()) {
                if (!name.startsWith('iliocare-pages')) continue;
                for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
              }
              return paths;
            }
            """);

    private static Task<int> QueuedAsync(IPage page) =>
        page.EvaluateAsync<int>("""
            () => new Promise((resolve, reject) => {
              const open = indexedDB.open('iliocare-offline', 1);
              open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'id', autoIncrement: true });
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const count = open.result.transaction('queue').objectStore('queue').count();
                count.onsuccess = () => { open.result.close(); resolve(count.result); };
              };
            })
            """);

    private static async Task SignUpAndOnboardAsync(IPage page, string email)
    {
        var assessment = new AssessmentPage(page);
        await assessment.OpenAsync();
        await assessment.AnswerAsync(age: 34, side: "Left", days: 10, painNow: 3, painWorst: 4);
        await assessment.TickAsync("Where does it hurt? Tick all that apply.", "Front of the hip");
        await assessment.TickAsync("Which sports do you do? Tick all that apply.", "Running");
        await assessment.NoWarningSignsAsync();
        await assessment.SubmitAsync();
        await new ResultPage(page).StartProgram.ClickAsync();
        await new SignUpPage(page).SignUpAsync(email, "a long enough passphrase");
        await new OnboardingPage(page).CompleteAsync(weeklyMinutes: 150, timeZone: TimeZone, sessionTime: "07:30");
        await Assertions.Expect(page).ToHaveURLAsync(TodayUrl());
    }

    [GeneratedRegex("/today$")] private static partial Regex TodayUrl();
    [GeneratedRegex("/today/session/seated-marching\\?queued=1$")] private static partial Regex Queued();
}
