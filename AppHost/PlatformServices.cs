using Microsoft.Extensions.Configuration;
using Safeguard.AppHost.Infrastructure;

namespace Safeguard.AppHost;

public static class PlatformServices
{
    /// <summary>A service whose dashboard is gone would otherwise retry its last telemetry flush ~15 s on stop.</summary>
    public const string OtlpExportTimeoutMs = "2000";

    /// <summary>
    /// Test harness only (setting Safeguard:TestOtlpEndpoint): telemetry goes to the test's own OTLP receiver,
    /// so a test can prove that no victim's name reaches a trace or a log record.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTestTelemetryReceiver(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["Safeguard:TestOtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            project.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500");
        }
        return project;
    }

    /// <summary>
    /// Passes Safeguard:Delivery:* (MaxAttempts, FirstRetryDelay, MaxRetryDelay) to the notification service's
    /// "Delivery" section when set: the test harness shortens the retries to reach "failed" in a minute.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDeliveryPolicyFrom(this IResourceBuilder<ProjectResource> project, IConfigurationSection section)
    {
        foreach (var setting in section.GetChildren().Where(s => !string.IsNullOrEmpty(s.Value)))
        {
            project.WithEnvironment($"Delivery__{setting.Key}", setting.Value!);
        }
        return project;
    }

    /// <summary>
    /// A domain service: its own database on the shared server, the broker, readiness on /health, and a
    /// start only once the servers answer.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder, string name, IPlatformServers servers, string databaseName)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", OtlpExportTimeoutMs)
            // Tests move the services' clocks to reach deadlines; never set outside the test harness.
            .WithEnvironment("Safeguard__TestClock", builder.Configuration["Safeguard:TestClock"] ?? "false")
            .WithReference(servers.Database($"{name}-db", databaseName), connectionName: "database")
            .WithReference(servers.Messaging, connectionName: "messaging");
        foreach (var server in servers.StartFirst)
        {
            service.WaitFor(server);
        }
        service.WithTestTelemetryReceiver(builder);
        return service;
    }
}
