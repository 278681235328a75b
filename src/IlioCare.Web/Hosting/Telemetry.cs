using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IlioCare.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, off unless <c>Telemetry:Exporter</c> is <c>otlp</c> or <c>console</c>:
/// with <c>none</c> (the default) nothing is registered, so nothing is collected or sent. Traces carry URL
/// paths (query values redacted, no bodies) and SQL statements with placeholders, not parameter values.
/// </summary>
internal static class Telemetry
{
    public static void AddIlioCareTelemetry(this WebApplicationBuilder builder)
    {
        var exporter = builder.Configuration["Telemetry:Exporter"] ?? "none";
        if (exporter == "none")
            return;
        if (exporter is not ("otlp" or "console"))
            throw new InvalidOperationException($"Telemetry:Exporter must be 'none', 'otlp' or 'console', not '{exporter}'.");

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("iliocare", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                // Probes every few seconds would drown the traces of real requests.
                .AddAspNetCoreInstrumentation(o => o.Filter = c => c.Request.Path != "/healthz" && c.Request.Path != "/readyz")
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Built-in meters of .NET 9+ (GC, thread pool) and Npgsql (pool use, command durations).
                .AddMeter("System.Runtime", "Npgsql"));

        if (exporter == "console")
        {
            otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
        }
        else if (builder.Configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            // gRPC on 4317 by default; an endpoint on 4318 means OTLP over HTTP (the collector's convention).
            var protocol = new Uri(endpoint).Port == 4318 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else
        {
            otel.UseOtlpExporter(); // the standard OTEL_EXPORTER_OTLP_* variables, else localhost:4317
        }
    }
}
