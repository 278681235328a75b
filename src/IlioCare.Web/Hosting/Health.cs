using System.Text.Json;
using IlioCare.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IlioCare.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers (no database: a database outage must not make an orchestrator restart
/// every instance). <c>/readyz</c>: this instance can serve, i.e. it reaches the database and is not shutting
/// down; 503 otherwise, so a proxy or load balancer sends traffic elsewhere.
/// </summary>
internal static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddIlioCareHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            // A real query on a small table, not just "can connect": a database that was never migrated (the
            // instances run with MigrateOnStart=false) must not count as ready.
            .AddDbContextCheck<IlioCareDbContext>("database", HealthStatus.Unhealthy, [Ready],
                async (db, ct) => { await db.DataProtectionKeys.AnyAsync(ct); return true; })
            .AddCheck<NotStoppingCheck>("not-stopping", HealthStatus.Unhealthy, [Ready]);
        // A probe must answer quickly: with PostgreSQL's retries a dead server would otherwise hold it ~30 s.
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var check in o.Registrations) check.Timeout = TimeSpan.FromSeconds(5);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIlioCareHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>Status per check, never the exception text (no connection strings or host names to strangers).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>Not ready once shutdown starts: the proxy stops sending new requests while in-flight ones finish.</summary>
    private sealed class NotStoppingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());
    }
}
