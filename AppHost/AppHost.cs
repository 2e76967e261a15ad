using Safeguard.AppHost;
using Safeguard.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder.Configuration, builder.AppHostDirectory);

IPlatformServers servers = settings.Mode switch
{
    InfrastructureMode.Containers => new ContainerServers(builder),
    InfrastructureMode.External => new ExternalServers(builder),
    _ => new LocalProcessServers(builder, settings),
};

var riskAssessment = builder.AddPlatformService<Projects.Safeguard_RiskAssessment>("risk-assessment", servers, "risk_assessment", settings);
var safetyPlan = builder.AddPlatformService<Projects.Safeguard_SafetyPlan>("safety-plan", servers, "safety_plan", settings);
var reintegration = builder.AddPlatformService<Projects.Safeguard_Reintegration>("reintegration", servers, "reintegration", settings);
var trainingRegistry = builder.AddPlatformService<Projects.Safeguard_TrainingRegistry>("training-registry", servers, "training_registry", settings);
var notification = builder.AddPlatformService<Projects.Safeguard_Notification>("notification", servers, "notification", settings)
    .WithEnvironment("Smtp__Host", servers.Smtp.Host)
    .WithEnvironment("Smtp__Port", servers.Smtp.Port)
    .WithEnvironment("Smtp__Security", "None") // smtp4dev on loopback speaks plain SMTP
    .WithDeliveryPolicyFrom(builder.Configuration.GetSection("Safeguard:Delivery"));

builder.AddProject<Projects.Safeguard_Gateway>("gateway")
    // Without an identity provider, the gateway signs development tokens (eng/token.sh).
    .WithPlatformKeys(settings, developmentIssuer: true)
    .WithHttpEndpoint(name: "http", port: settings.GatewayPort, isProxied: false) // as the services (PlatformServices)
    .WithPlainHttpOnly()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", PlatformServices.OtlpExportTimeoutMs)
    .WithReference(riskAssessment)
    .WithReference(safetyPlan)
    .WithReference(reintegration)
    .WithReference(trainingRegistry)
    .WithReference(notification)
    .WithTraceSampling(builder.Configuration)
    .WithTestTelemetryReceiver(builder);

builder.Build().Run();
