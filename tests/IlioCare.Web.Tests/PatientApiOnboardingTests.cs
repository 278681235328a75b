using System.Net;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Safety;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>PUT /api/v1/me/onboarding (F16): the onboarding page's handler and rules, strict JSON.</summary>
public sealed class PatientApiOnboardingTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const string Good = """{"side":"right","sports":["rowing"],"preInjuryWeeklyMinutes":120,"timeZone":"America/New_York","sessionTime":"07:15","massageCautions":["hernia"]}""";

    /// <summary>Assessment → sign-up, not yet onboarded; returns the signed-in client and the account id.</summary>
    private async Task<(FormClient Client, string Id)> SignedUpAsync(string email)
    {
        var client = new FormClient(factory);
        var id = (await Patients.TakeAssessmentAsync(client)).Split('/').Last();
        await Patients.SignUpAsync(client, email, id);
        return (client, (await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == email))).Id);
    }

    [Fact]
    public async Task Onboarding_Put_SavesTheProfile_AndStartsTheProgram()
    {
        var (client, id) = await SignedUpAsync("api-onboard@example.com");
        Assert.Equal(HttpStatusCode.Conflict, (await client.Http.GetAsync("/api/v1/me/today")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.PutAsync("/api/v1/me/onboarding", Json(Good))).StatusCode);

        var profile = await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == id));
        Assert.Equal((Side.Right, 120, "America/New_York", new TimeOnly(7, 15)), (profile.Side, profile.PreInjuryWeeklyMinutes, profile.TimeZoneId, profile.DailySessionTime));
        Assert.Equal([Activity.Rowing], profile.Sports);
        Assert.Equal([MassageCaution.Hernia], profile.MassageCautions);
        Assert.Single(await CheckInPatients.StatesAsync(factory, id));
        Assert.Equal("restore", (await JsonAsync(await client.Http.GetAsync("/api/v1/me/today"))).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Onboarding_Put_BadBody_NamesEveryField_AndStoresNothing()
    {
        var (client, id) = await SignedUpAsync("api-onboard-bad@example.com");
        var errors = await ValidationErrorsAsync(await client.Http.PutAsync("/api/v1/me/onboarding", Json(
            """{"side":"Left","sports":["running","running"],"preInjuryWeeklyMinutes":10081,"timeZone":"Mars/Olympus","sessionTime":"25:00","colour":"red"}""")));
        Assert.Equal(["colour", "massageCautions", "preInjuryWeeklyMinutes", "sessionTime", "side", "sports[1]", "timeZone"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null((await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == id))).OnboardedAtUtc);
        Assert.Empty(await CheckInPatients.StatesAsync(factory, id));
    }

    [Fact]
    public async Task Onboarding_Put_ChangesOnlyTheCallersProfile()
    {
        var (first, firstId) = await SignedUpAsync("api-onboard-first@example.com");
        var (second, secondId) = await SignedUpAsync("api-onboard-second@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await second.Http.PutAsync("/api/v1/me/onboarding", Json(Good))).StatusCode);
        Assert.Null((await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == firstId))).OnboardedAtUtc);
        Assert.NotNull((await factory.InDatabaseAsync(db => db.PatientProfiles.SingleAsync(p => p.AccountId == secondId))).OnboardedAtUtc);
        Assert.Null((await JsonAsync(await first.Http.GetAsync("/api/v1/me"))).GetProperty("profile").GetProperty("side").GetString());
    }
}
