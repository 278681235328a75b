using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Cli.Operator;

/// <summary>
/// <c>iliocare audit-verify</c>: recomputes the audit log's HMAC chain (F15) with the deployment's key, from
/// --audit-key-file (the app's data/audit.key) or the Audit__Key variable the instances read. Exit 0 and the
/// rows checked and the last row when whole; exit 1 and the first broken row when not.
/// </summary>
internal static class AuditCommand
{
    public const string KeyVariable = "Audit__Key";

    public static IEnumerable<string> Check(OperatorArgs args)
    {
        if (KeyFile(args) is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KeyVariable)))
            yield return $"the audit key is required: --audit-key-file FILE or the {KeyVariable} variable (from the repository root, the web app's {WebAppDefaults.AuditKeyFile} is used)";
    }

    /// <summary>--audit-key-file; else, when neither it nor the variable is given, the web app's own key file in the repository.</summary>
    private static string? KeyFile(OperatorArgs args)
    {
        if (args["audit-key-file"] is { } file) return file;
        return string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KeyVariable)) ? WebAppDefaults.AuditKey(Environment.CurrentDirectory) : null;
    }

    public static async Task<string> RunAsync(OperatorArgs args, OperatorIo io)
    {
        var trail = new AuditTrail(ReadKey(args));
        await using var db = Migrations.Open(args.Provider, args.Connection!);
        var result = await trail.VerifyAsync(db, default);
        var last = await db.AuditLog.MaxAsync(e => (long?)e.Sequence);
        if (!result.IsIntact)
            throw new OperatorException($"BROKEN at row {result.BrokenAt}: {result.Problem}; {result.RowsChecked} rows before it are intact.");
        return $"Intact: {result.RowsChecked} rows checked; last sequence {(last is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none (the log is empty)")}.";
    }

    private static byte[] ReadKey(OperatorArgs args)
    {
        string text;
        if (KeyFile(args) is { } file)
        {
            if (!File.Exists(file)) throw new OperatorUsageException($"--audit-key-file: {Path.GetFullPath(file)} does not exist");
            text = File.ReadAllText(file).Trim();
        }
        else
        {
            text = Environment.GetEnvironmentVariable(KeyVariable)!.Trim();
        }
        try
        {
            var key = Convert.FromBase64String(text);
            return key.Length >= 32 ? key : throw new OperatorUsageException("the audit key must be at least 32 bytes (base64 of 32 random bytes)");
        }
        catch (FormatException)
        {
            throw new OperatorUsageException("the audit key is not base64 (the app's key file holds base64 of 32 random bytes)");
        }
    }
}
