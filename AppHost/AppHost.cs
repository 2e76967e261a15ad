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

var credentials = ServiceCredentials.For(settings);

var riskAssessment = builder.AddPlatformService<Projects.Safeguard_RiskAssessment>("risk-assessment", servers, "risk_assessment", "RiskAssessment", settings, credentials);
var safetyPlan = builder.AddPlatformService<Projects.Safeguard_SafetyPlan>("safety-plan", servers, "safety_plan", "SafetyPlan", settings, credentials);
var reintegration = builder.AddPlatformService<Projects.Safeguard_Reintegration>("reintegration", servers, "reintegration", "Reintegration", settings, credentials);
var trainingRegistry = builder.AddPlatformService<Projects.Safeguard_TrainingRegistry>("training-registry", servers, "training_registry", "Training", settings, credentials);
var notification = builder.AddPlatformService<Projects.Safeguard_Notification>("notification", servers, "notification", publishes: null, settings, credentials, service => service
    .WithEnvironment("Smtp__Host", servers.Smtp.Host)
    .WithEnvironment("Smtp__Port", servers.Smtp.Port)
    .WithEnvironment("Smtp__Security", "None") // smtp4dev on loopback speaks plain SMTP
    // E-mails to team members link to the workspace page where they act (issue 23).
    .WithEnvironment("Notification__WorkspaceUrl", settings.PublicUrl.TrimEnd('/') + "/workspace/")
    .WithDeliveryPolicyFrom(builder.Configuration.GetSection("Safeguard:Delivery")));

var identity = builder.AddPlatformService<Projects.Safeguard_Identity>("identity", servers, "identity", "Identity", settings, credentials, service => service
    .WithEnvironment("Identity__PublicUrl", settings.PublicUrl)
    .WithEnvironment("Identity__KeysPath", settings.TokenKeysDirectory)
    // Tokens without a sign-in for local use and tests (eng/token.sh): the identity service serves them only in
    // Development, and only while the platform trusts it rather than another provider.
    .WithEnvironment("Auth__DevelopmentIssuer", settings.AuthAuthority is null ? "true" : "false"));

// The professionals' web workspace (issue 23): no database and no broker; it reaches the data only through the
// gateway, with the signed-in person's token, and signs people in through the identity service.
var workspace = builder.AddProject<Projects.Safeguard_Workspace>("workspace")
    .WithHostEnvironment(builder)
    .WithHttpEndpoint(name: "http", port: settings.ServicePort("workspace"), isProxied: false)
    .WithPlainHttpOnly()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", PlatformServices.OtlpExportTimeoutMs)
    .WithAuthority(settings)
    // Its sign-in cookies and the server-side copy of a person's tokens are protected with a ring of its own.
    .WithKeyRing(settings, "workspace")
    .WithEnvironment("Workspace__PublicUrl", settings.PublicUrl)
    .WithTraceSampling(builder.Configuration)
    .WithTestTelemetryReceiver(builder);

builder.AddProject<Projects.Safeguard_Gateway>("gateway")
    .WithAuthority(settings)
    .WithHostEnvironment(builder)
    .WithHttpEndpoint(name: "http", port: settings.GatewayPort, isProxied: false) // as the services (PlatformServices)
    .WithPlainHttpOnly()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", PlatformServices.OtlpExportTimeoutMs)
    .WithRoutesTo(riskAssessment)
    .WithRoutesTo(safetyPlan)
    .WithRoutesTo(reintegration)
    .WithRoutesTo(trainingRegistry)
    .WithRoutesTo(notification)
    .WithRoutesTo(identity)
    .WithReference(workspace)
    .WithTraceSampling(builder.Configuration)
    .WithTestTelemetryReceiver(builder);

// Every service's ring now holds the keys of the ring they once shared; its migrate step re-encrypts under its own.
builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
{
    PlatformKeys.LoadOrCreate(settings.StateDirectory).RetireSharedRing();
    return Task.CompletedTask;
});

builder.Build().Run();
