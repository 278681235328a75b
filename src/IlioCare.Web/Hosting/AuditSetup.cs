using IlioCare.Data;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The audit log's key (F15): <c>Audit:Key</c> (base64, ≥ 32 bytes) from configuration or the environment —
/// what an operator with several instances sets — or else a key file (<c>Audit:KeyFile</c>, default
/// <c>data/audit.key</c>) made on first start, so the one-box SQLite default works with no set-up. Never in
/// the database: a key stored next to the log would let whoever edits the log re-sign it (RECIPES.md).
/// </summary>
internal static partial class AuditSetup
{
    public static void AddIlioCareAudit(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Audit:Key"];
        var keyFile = builder.Configuration["Audit:KeyFile"] ?? "data/audit.key";
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(_ => new AuditTrail(LoadKey(configured, keyFile, contentRoot)));
    }

    /// <summary>Makes the audit log's checkpoint if missing (ADR-0010); a start with the database down skips it.</summary>
    public static async Task EnsureAuditHeadAsync(this WebApplication app)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
            await app.Services.GetRequiredService<AuditTrail>().EnsureHeadAsync(db, default);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || DatabaseUnavailable.IsUnavailable(ex))
        {
            LogUnavailable(app.Logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit checkpoint was not checked on start: the database is unavailable or not migrated yet.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    internal static byte[] LoadKey(string? configured, string keyFile, string contentRoot) =>
        SecretKeyFile.Load(configured, keyFile, contentRoot, "Audit:Key");
}
