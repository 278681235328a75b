using Microsoft.Extensions.Logging.Console;

namespace IlioCare.Web.Hosting;

/// <summary>
/// What running in production needs besides the app itself (issue 4, docs/operations.md): structured logs,
/// telemetry, graceful shutdown, the proxy's forwarded headers and the health endpoints.
/// </summary>
internal static class Operations
{
    /// <summary>Below Kubernetes' default 30 s grace period, so the host finishes before it is killed.</summary>
    public const int DefaultShutdownSeconds = 20;

    public static void AddIlioCareOperations(this WebApplicationBuilder builder)
    {
        // JSON lines in Production (a log collector parses them; scopes carry TraceId/SpanId), the readable
        // format elsewhere; Logging:Console:FormatterName (json|simple|systemd) overrides either way.
        if (builder.Environment.IsProduction())
            builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Json);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });

        // On SIGTERM Kestrel stops accepting, /readyz turns 503, and requests in flight get this long to finish.
        // The same key the generic host reads (ShutdownTimeoutSeconds), with our default instead of its 30 s.
        var shutdown = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", DefaultShutdownSeconds));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);

        builder.AddIlioCareTelemetry();
        builder.Services.AddIlioCareForwardedHeaders(builder.Configuration);
        builder.Services.AddIlioCareHealth();
        // A database down or full answers 503 + Retry-After, not 500 (issue 7 fault runs); used by UseExceptionHandler.
        builder.Services.AddExceptionHandler<DatabaseUnavailable>();
    }
}
