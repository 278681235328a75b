using IlioCare.Data;

namespace IlioCare.Web.Hosting;

/// <summary>
/// The audit log's key (F15): <c>Audit:Key</c> (base64, ≥ 32 bytes) from configuration or the environment —
/// what an operator with several instances sets — or else a key file (<c>Audit:KeyFile</c>, default
/// <c>data/audit.key</c>) made on first start, so the one-box SQLite default works with no set-up. Never in
/// the database: a key stored next to the log would let whoever edits the log re-sign it (RECIPES.md).
/// </summary>
internal static class AuditSetup
{
    public static void AddIlioCareAudit(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Audit:Key"];
        var keyFile = builder.Configuration["Audit:KeyFile"] ?? "data/audit.key";
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(_ => new AuditTrail(LoadKey(configured, keyFile, contentRoot)));
    }

    internal static byte[] LoadKey(string? configured, string keyFile, string contentRoot) =>
        SecretKeyFile.Load(configured, keyFile, contentRoot, "Audit:Key");
}
