namespace IlioCare.Web.Tests;

/// <summary>Each build of these sources really runs on its provider (SPEC §8), not silently on the default.</summary>
public class ProviderTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task App_RunsOnTheProviderOfThisTestBuild()
    {
        var provider = await factory.InDatabaseAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(IlioCareFactory.Provider == "postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }
}
