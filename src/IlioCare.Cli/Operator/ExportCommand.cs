using System.Text.Json;
using IlioCare.Data;
using IlioCare.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Cli.Operator;

/// <summary>
/// <c>iliocare export (--email … | --id …) [--format fhir|json] [--out FILE]</c>: one patient's data as the
/// FHIR R4 Bundle or the "export all my data" JSON — the documents the web app serves, built by the same
/// IlioCare.Interop code. Without --out the document goes to stdout; FILE is never overwritten.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] s_formats = ["fhir", "json"];

    public static IEnumerable<string> Check(OperatorArgs args)
    {
        if (args.Has("email") == args.Has("id"))
            yield return "give exactly one of --email and --id";
        if (args["format"] is { } format && !s_formats.Contains(format))
            yield return $"--format must be fhir or json, not '{format}'";
    }

    public static async Task<string> RunAsync(OperatorArgs args, OperatorIo io)
    {
        await using var services = OperatorServices.Build(args, io.Clock);
        await using var scope = services.CreateAsyncScope();
        var account = await OperatorServices.FindAccountAsync(scope.ServiceProvider, args);
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var document = args["format"] == "json"
            ? (await AccountExport.BuildAsync(db, account.Id, io.Clock, default))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
            : (await FhirExport.JsonAsync(db, account.Id, io.Clock, default))!;
        if (args["out"] is not { } file) return document;

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
            throw new OperatorException($"{target} already exists; choose a new file name (an export is never overwritten)");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, document);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite); // health data: the operator only
        return $"Exported {account.Id} as {args["format"] ?? "fhir"} to {target}.";
    }
}
