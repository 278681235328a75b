using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Cli.Operator;

/// <summary>
/// The few services the account and data commands need, built as the web app builds them: the DbContext on
/// the chosen provider, Identity's user manager with the app's rules (AccountRules) and roles, the clock.
/// No logging providers: the command reports on stdout/stderr itself.
/// </summary>
internal static class OperatorServices
{
    public static ServiceProvider Build(OperatorArgs args, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddDbContext<IlioCareDbContext>(o => o.UseIlioCareDatabase(args.Provider, args.Connection!));
        services.AddIdentityCore<Account>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IlioCareDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>The account named by --email or --id, or an operator error.</summary>
    public static async Task<Account> FindAccountAsync(IServiceProvider scoped, OperatorArgs args)
    {
        var users = scoped.GetRequiredService<UserManager<Account>>();
        var account = args["email"] is { } email ? await users.FindByEmailAsync(email) : await users.FindByIdAsync(args["id"]!);
        return account ?? throw new OperatorException(args["email"] is { } e ? $"no account has the e-mail {e}" : $"no account has the id {args["id"]}");
    }
}
