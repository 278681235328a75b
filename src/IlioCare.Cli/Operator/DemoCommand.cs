using IlioCare.Data;
using IlioCare.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Cli.Operator;

/// <summary>
/// <c>iliocare seed-demo</c>: the web app's own demo seeding (DemoData, run on --Demo:Seed=true), called from
/// here so both give the same patient, replayed through the same engine (ADR-0008). Idempotent.
/// </summary>
internal static class DemoCommand
{
    public static async Task<string> RunAsync(OperatorArgs args, OperatorIo io)
    {
        await using var services = OperatorServices.Build(args, io.Clock);
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(DemoStory.Email) is not null)
                return $"The demo patient {DemoStory.Email} exists already: nothing seeded.";
        }
        await DemoData.SeedAsync(services);
        return $"Seeded the demo patient {DemoStory.Email} ({DemoStory.Days.Count} days of check-ins and sessions).";
    }
}
