using System.Net;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// How long a sign-in lasts (issue 18), on the app's clock (<see cref="IlioCareFactory.Clock"/>): staff 12 hours from
/// sign-in whatever they do, patients 14 days that slide while they use the app. Each test has its own factory: they
/// move the clock far.
/// </summary>
public sealed class SessionLifetimeTests : IAsyncLifetime, IDisposable
{
    private readonly IlioCareFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>xunit calls DisposeAsync; this only satisfies owners of disposables (CA1001).</summary>
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Staff_AreSignedOutTwelveHoursAfterSignIn_EvenWhenBusy()
    {
        var clinician = await Staff.SignInClinicianAsync(_factory);
        for (var hour = 1; hour <= 11; hour++)
        {
            _factory.Clock.Advance(TimeSpan.FromHours(1)); // busy all day: a request every hour (the stamp check runs too)
            Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync("/api/v1/me")).StatusCode);
        }
        _factory.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync("/clinician")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMinutes(2)); // 12 h 01 min after sign-in
        Assert.Equal(HttpStatusCode.Unauthorized, (await clinician.Http.GetAsync("/api/v1/me")).StatusCode);
        var page = await clinician.Http.GetAsync("/clinician");
        Assert.StartsWith("/sign-in", PathOf(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patients_StaySignedInWhileTheyUseTheApp_AndLeaveAfter14IdleDays()
    {
        var patient = new FormClient(_factory);
        await Patients.OnboardAsync(patient, "slide@example.com");
        // Used every 8 days for a month: each visit slides the 14 days on.
        for (var visit = 1; visit <= 4; visit++)
        {
            _factory.Clock.Advance(TimeSpan.FromDays(8));
            Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/today")).StatusCode);
        }
        _factory.Clock.Advance(TimeSpan.FromDays(13)); // 13 idle days: still in
        Assert.Equal(HttpStatusCode.OK, (await patient.Http.GetAsync("/api/v1/me")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1)); // 14 idle days and a minute: out
        Assert.Equal(HttpStatusCode.Unauthorized, (await patient.Http.GetAsync("/api/v1/me")).StatusCode);
        Assert.StartsWith("/sign-in", PathOf(await patient.GetAsync("/today")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patients_WithoutAVisit_LeaveAfter14Days()
    {
        var patient = new FormClient(_factory);
        await Patients.OnboardAsync(patient, "idle@example.com");
        _factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1)); // no visit at all in between
        Assert.Equal(HttpStatusCode.Unauthorized, (await patient.Http.GetAsync("/api/v1/me")).StatusCode);
    }
}
