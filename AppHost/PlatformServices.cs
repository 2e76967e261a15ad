using Microsoft.Extensions.Configuration;
using Safeguard.AppHost.Infrastructure;

namespace Safeguard.AppHost;

public static class PlatformServices
{
    /// <summary>A service whose dashboard is gone would otherwise retry its last telemetry flush ~15 s on stop.</summary>
    public const string OtlpExportTimeoutMs = "2000";

    /// <summary>
    /// The platform's processes listen on plain HTTP on loopback (TLS between them is a deployment's concern).
    /// Left with Aspire's default HTTPS certificate set-up, a project makes the AppHost look for a trusted
    /// development certificate and, finding none, put an error banner on every page of the dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlainHttpOnly(this IResourceBuilder<ProjectResource> project)
    {
        // Aspire 13.6 marks its certificate API as under evaluation; this is its one use here.
#pragma warning disable ASPIRECERTIFICATES001
        return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }

    /// <summary>
    /// The AppHost's own environment for the process (Development for a local platform, eng/up.sh and the tests):
    /// the projects have no launch profiles of their own, and without it they would run as Production.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHostEnvironment(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder) =>
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName);

    /// <summary>
    /// Test harness only (setting Safeguard:TestOtlpEndpoint): telemetry goes to the test's own OTLP receiver,
    /// so a test can prove that no victim's name reaches a trace, a log record or a metric.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTestTelemetryReceiver(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["Safeguard:TestOtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            project.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        }
        return project;
    }

    /// <summary>
    /// Setting Safeguard:TraceSampleRatio (0 to 1) keeps that share of traces, decided once where a trace starts
    /// and followed by every service it reaches, and every trace that fails besides (ServiceDefaults' Telemetry);
    /// unset, every trace is kept, as a developer at the dashboard wants. Logs and metrics are never sampled.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        if (configuration["Safeguard:TraceSampleRatio"] is { Length: > 0 } ratio)
        {
            project.WithEnvironment("Safeguard__TraceSampleRatio", ratio);
        }
        return project;
    }

    /// <summary>
    /// The OpenID Connect provider whose tokens the process accepts: its keys come from the provider's discovery
    /// document, so no process holds a signing secret.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuthority(this IResourceBuilder<ProjectResource> project, PlatformSettings settings) =>
        project.WithEnvironment("Auth__Authority", settings.Authority);

    /// <summary>The process's own Data Protection key ring and the certificate that wraps its keys (issue 24 §3).</summary>
    public static IResourceBuilder<ProjectResource> WithKeyRing(this IResourceBuilder<ProjectResource> project, PlatformSettings settings, string process, bool carryOver = false)
    {
        var keys = PlatformKeys.LoadOrCreate(settings.StateDirectory);
        return project
            .WithEnvironment("DataProtection__KeyRingPath", keys.KeyRing(process, carryOver))
            .WithEnvironment("DataProtection__KeyEncryptionCertificatePath", keys.KeyEncryptionCertificate(process));
    }

    /// <summary>A domain service's keys: the authority, its own key ring (with the former shared ring's keys carried over) and its own name-search key.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceKeys(this IResourceBuilder<ProjectResource> project, PlatformSettings settings, string service) =>
        project.WithAuthority(settings)
            .WithKeyRing(settings, service, carryOver: true)
            .WithEnvironment("Privacy__SearchKey", PlatformKeys.LoadOrCreate(settings.StateDirectory).SearchKey(service));

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
    /// A domain service: its own database on the shared server, its own user on the broker (publishing only the
    /// contracts of the namespace <paramref name="publishes"/>), readiness on /health, and a start only
    /// once the servers answer and its migrate step has finished. The migrate step (issue 24 §1) is the same project
    /// run with Safeguard__Mode=migrate as the database's owner: it applies migrations and the start-up data steps,
    /// then exits, so the running service holds only its runtime role. <paramref name="configure"/> sets what the
    /// service needs beyond that, on both, so the step builds the same service.
    /// </summary>
    public static PlatformService AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder, string name, IPlatformServers servers, string databaseName, string? publishes,
        PlatformSettings settings, ServiceCredentials credentials, Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>>? configure = null)
        where TProject : IProjectMetadata, new()
    {
        configure ??= project => project;
        var database = ServiceDatabase.Add(builder, servers.Postgres, credentials, $"{name}-db", databaseName);
        var messaging = servers.MessagingAs(BrokerUser.For(name, publishes, credentials.BrokerPassword(name)));

        var migrate = configure(builder.AddProject<TProject>($"{name}-migrate")
            .WithServiceKeys(settings, name)
            .WithPlainHttpOnly()
            .WithHostEnvironment(builder)
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", OtlpExportTimeoutMs)
            .WithEnvironment("Safeguard__Mode", "migrate")
            .WithEnvironment($"ConnectionStrings__{DatabaseConnection}", database.Owner)
            .WithEnvironment("ConnectionStrings__runtime", database.Runtime.Resource.ConnectionStringExpression)
            .WithEnvironment("ConnectionStrings__provisioning", database.Administrator)
            .WithReference(messaging, connectionName: "messaging")
            .WithTestTelemetryReceiver(builder));

        foreach (var server in servers.StartFirst)
        {
            migrate.WaitFor(server);
        }

        // Safeguard:Replicas processes of the service, "risk-assessment", "risk-assessment-2"...: the same binary on the same
        // database, queues and key ring, each on a port of its own. They share the work through the database (row locks,
        // SKIP LOCKED) and the broker (competing consumers, the inbox), so none is special and any may die.
        var replicas = Enumerable.Range(0, settings.Replicas).Select(replica =>
        {
            var service = configure(builder.AddProject<TProject>(replica == 0 ? name : $"{name}-{replica + 1}")
                .WithServiceKeys(settings, name)
                .WithHostEnvironment(builder)
                // Not behind DCP's proxy: it copied every request once more on the way in (gateway -> proxy -> service)
                // on a box with two cores. Aspire picks a free port when none is fixed.
                .WithHttpEndpoint(name: "http", port: settings.ServicePort(name, replica), isProxied: false)
                .WithPlainHttpOnly()
                .WithHttpHealthCheck("/health")
                .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", OtlpExportTimeoutMs)
                // Tests move the services' clocks to reach deadlines; never set outside the test harness.
                .WithEnvironment("Safeguard__TestClock", builder.Configuration["Safeguard:TestClock"] ?? "false")
                .WithStallAfter(builder.Configuration)
                .WithReference(database.Runtime, connectionName: DatabaseConnection)
                .WithReference(messaging, connectionName: "messaging"));
            foreach (var server in servers.StartFirst)
            {
                service.WaitFor(server);
            }
            service.WaitForCompletion(migrate);
            return service.WithTraceSampling(builder.Configuration).WithTestTelemetryReceiver(builder);
        }).ToList();
        return new PlatformService(name, replicas);
    }

    /// <summary>
    /// The gateway's route to every replica of <paramref name="service"/>: service discovery resolves the cluster's one
    /// address ("http://risk-assessment") to all of them, and YARP balances over those its health checks find up.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRoutesTo(this IResourceBuilder<ProjectResource> gateway, PlatformService service)
    {
        gateway.WithReference(service.Replicas[0]);
        for (var replica = 1; replica < service.Replicas.Count; replica++)
        {
            gateway.WithEnvironment($"services__{service.Name}__http__{replica}", service.Replicas[replica].GetEndpoint("http"));
        }
        return gateway;
    }

    /// <summary>
    /// Passes Safeguard:StallAfter (how long an outbox may stand still or a worker go without a finished round before
    /// /health says Degraded) when set: the test harness shortens it to see a broker outage reported within a minute.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithStallAfter(this IResourceBuilder<ProjectResource> project, IConfiguration configuration) =>
        configuration["Safeguard:StallAfter"] is { Length: > 0 } stallAfter ? project.WithEnvironment("Safeguard__StallAfter", stallAfter) : project;

    /// <summary>The connection string every service reads its own database from (BuildingBlocks' DatabaseRegistration).</summary>
    private const string DatabaseConnection = "database";
}

/// <summary>A domain service's processes: one per replica, the first named after the service.</summary>
public sealed record PlatformService(string Name, IReadOnlyList<IResourceBuilder<ProjectResource>> Replicas);
