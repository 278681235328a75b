using System.Net;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.ApiClients;

namespace IlioCare.Web.Tests;

/// <summary>The program, the progress charts and the functional scale through the API (F16, F5, F11).</summary>
public sealed class PatientApiProgressTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private async Task<(string Id, HttpClient Api)> PatientAsync(string email)
    {
        CheckInPatients.MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await CheckInPatients.OnboardAsync(factory, client, email);
        var (token, _) = await CreateTokenAsync(client);
        return (id, Bearer(factory, token));
    }

    private string Today => TodayIso(factory);

    [Fact]
    public async Task Program_And_Progress_ComeFromThePagesLoaders()
    {
        var (_, api) = await PatientAsync("api-progress@example.com");
        await JsonAsync(await api.PutAsync($"/api/v1/me/check-ins/{Today}", Json("""{"painMorning":3,"stiffnessMinutes":15,"painNow":2,"warningSigns":[]}""")));

        var program = await JsonAsync(await api.GetAsync("/api/v1/me/program"));
        Assert.Equal("restore", program.GetProperty("phase").GetString());
        Assert.Contains(program.GetProperty("exercises").EnumerateArray(), e => e.GetProperty("exercise").GetString() == "standing-band-hip-flexion");

        var progress = await JsonAsync(await api.GetAsync("/api/v1/me/progress"));
        var pain = progress.GetProperty("pain");
        Assert.NotEmpty(pain.GetProperty("days").EnumerateArray());
        var values = pain.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("values").EnumerateArray())
            .Where(v => v.ValueKind == System.Text.Json.JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.Contains(3d, values); // this morning's pain
        Assert.Contains(2d, values); // pain now
        Assert.NotEmpty(pain.GetProperty("table").GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task FunctionalScale_NameThenRate_AndBadBodiesNameEveryField()
    {
        var (id, api) = await PatientAsync("api-psfs@example.com");
        var errors = await ValidationErrorsAsync(await api.PutAsync("/api/v1/me/functional-scale",
            Json("""{"activities":["stairs",3,""],"scores":[1,11,"3"],"week":"now"}""")));
        Assert.Equal(["activities[1]", "activities[2]", "scores[1]", "scores[2]", "week"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["activities[1]", "scores"], (await ValidationErrorsAsync(await api.PutAsync("/api/v1/me/functional-scale",
            Json("""{"activities":["stairs","Stairs","run"],"scores":[1,2]}""")))).Keys.Order(StringComparer.Ordinal)); // the same activity twice; two scores for three
        Assert.Equal(["activities"], (await ValidationErrorsAsync(await api.PutAsync("/api/v1/me/functional-scale", Json("""{"scores":[1,2,3]}""")))).Keys);
        Assert.False(await factory.InDatabaseAsync(db => db.FunctionalScaleActivities.AnyAsync(a => a.AccountId == id)));

        var named = await JsonAsync(await api.PutAsync("/api/v1/me/functional-scale", Json("""{"activities":["climb stairs","run 5 km","sit an hour"],"scores":[4,2,6]}""")));
        Assert.Equal([4, 2, 6], named.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("scoreThisWeek").GetInt32()));
        var rated = await JsonAsync(await api.PutAsync("/api/v1/me/functional-scale", Json("""{"scores":[5,3,7]}""")));
        Assert.Equal([5, 3, 7], rated.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("scoreThisWeek").GetInt32()));
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.FunctionalScaleRatings.CountAsync(r => r.AccountId == id))); // replaced, not added

        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync("/api/v1/me/functional-scale", Json("""{"activities":["a","b","c"]}"""))).StatusCode);

        // Another patient sees their own (empty) scale and their write does not touch this one.
        var (_, other) = await PatientAsync("api-psfs-other@example.com");
        Assert.Empty((await JsonAsync(await other.GetAsync("/api/v1/me/functional-scale"))).GetProperty("activities").EnumerateArray());
        Assert.Equal(["activities"], (await ValidationErrorsAsync(await other.PutAsync("/api/v1/me/functional-scale", Json("""{"scores":[0,0,0]}""")))).Keys);
        Assert.Equal([5, 3, 7], (await JsonAsync(await api.GetAsync("/api/v1/me/functional-scale"))).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("scoreThisWeek").GetInt32()));
    }
}
