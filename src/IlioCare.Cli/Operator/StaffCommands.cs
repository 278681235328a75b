using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Cli.Operator;

/// <summary>
/// <c>iliocare create-admin|create-clinician --email … --name …</c>: the same StaffAccounts.CreateAsync as the
/// admin page. The password is the first line of stdin, never an argument, so <c>ps</c> and the shell history
/// do not show it. The new account sets up its second factor at its first sign-in.
/// </summary>
internal static class StaffCommands
{
    public static async Task<string> CreateAsync(OperatorArgs args, OperatorIo io, string role)
    {
        var password = await io.Stdin.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
            throw new OperatorUsageException("the password must be on the first line of stdin (e.g. read -rs PW; printf '%s\\n' \"$PW\" | iliocare …)");
        var name = args["name"]!.Trim();
        if (name.Length == 0)
            throw new OperatorUsageException("--name must not be empty");

        await using var services = OperatorServices.Build(args, io.Clock);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var result = await StaffAccounts.CreateAsync(users, args["email"]!, name, password, role, io.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
            throw new OperatorException(string.Join(" ", result.Errors.Select(e => e.Description)));
        var account = await users.FindByEmailAsync(args["email"]!);
        return $"Created the {role} {args["email"]} (id {account!.Id}). Two-factor sign-in is set up at the first sign-in.";
    }
}
