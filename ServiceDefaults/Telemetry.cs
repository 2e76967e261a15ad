using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Safeguard.ServiceDefaults.Tracing;

namespace Safeguard.ServiceDefaults;

/// <summary>
/// Traces, metrics and logs to the Aspire dashboard over OTLP. Message spans (MassTransit) and database
/// spans (Npgsql) are included, so one request is one trace across services and the bus.
/// </summary>
public static class Telemetry
{
    /// <summary>Prefix of the platform's own activity sources and meters.</summary>
    public const string SourcePrefix = "Safeguard.";

    /// <summary>Label sets one of the platform's own instruments may report.</summary>
    private const int GaugeCardinalityLimit = 20_000;

    // MassTransit's ActivitySource and Meter share this name (DiagnosticHeaders.DefaultListenerName).
    private const string MassTransitSource = "MassTransit";

    // Npgsql's ActivitySource (what Npgsql.OpenTelemetry's AddNpgsql() subscribes to).
    private const string NpgsqlSource = "Npgsql";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource)
                .AddMeter(SourcePrefix + "*")
                // The gauges are labelled by centre or municipality, times clocks and states: a country's few hundred
                // places would pass the default 2,000 label sets of one instrument and fold into an overflow point.
                .AddView(instrument => instrument.Meter.Name.StartsWith(SourcePrefix, StringComparison.Ordinal)
                    ? new MetricStreamConfiguration { CardinalityLimit = GaugeCardinalityLimit }
                    : null))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(SourcePrefix + "*")
                .AddSource(MassTransitSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsHealthProbe(ctx.Request.Path))
                // The gateway probes every service's /health every 5 s (YARP's active health checks): as traces they
                // would bury the requests an operator looks for (issue 26 §2). A failed probe still shows, as the
                // gateway's log line and its 503 answers.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request =>
                    request.RequestUri is not { IsAbsoluteUri: true } uri || !IsHealthProbe(new Microsoft.AspNetCore.Http.PathString(uri.AbsolutePath)))
                // Npgsql's own source rather than EF Core's instrumentation: the same one span per statement, without
                // a listener on every EF diagnostic event (4 % of risk-assessment's CPU in the benchmark). Statement
                // text only, never parameter values: no personal data reaches a trace.
                .AddSource(NpgsqlSource));

        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        if (SampleRatio(builder.Configuration) is not { } ratio)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
            return builder;
        }
        // Sampled: the trace exporter sits behind ErrorTraces, which also sends the failed traces left out.
        builder.Logging.AddOpenTelemetry(logging => logging.AddOtlpExporter());
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddOtlpExporter())
            .WithTracing(tracing => tracing
                .SetSampler(new SampledTraces(ratio))
                .AddProcessor(new ErrorTraces(OtlpBatch())));
        return builder;
    }

    /// <summary>
    /// Safeguard:TraceSampleRatio, the share of traces kept (0 to 1) where a trace starts; every trace that fails is
    /// kept besides. Unset (or 1): every trace, as a developer at the dashboard wants. Logs and metrics are never sampled.
    /// </summary>
    public static double? SampleRatio(IConfiguration configuration) =>
        configuration.GetValue<double?>("Safeguard:TraceSampleRatio") is { } ratio && ratio < 1 ? Math.Max(0, ratio) : null;

    private static BatchActivityExportProcessor OtlpBatch()
    {
        // Both read the OTEL_EXPORTER_OTLP_* and OTEL_BSP_* variables the AppHost sets, as UseOtlpExporter does.
        var batch = new BatchExportActivityProcessorOptions();
        return new BatchActivityExportProcessor(new OtlpTraceExporter(new OtlpExporterOptions()), batch.MaxQueueSize,
            batch.ScheduledDelayMilliseconds, batch.ExporterTimeoutMilliseconds, batch.MaxExportBatchSize);
    }

    private static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(HealthEndpoints.HealthPath) || path.StartsWithSegments(HealthEndpoints.AlivePath);
}
