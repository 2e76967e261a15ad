using Microsoft.Extensions.Configuration;

namespace Safeguard.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>Containers where a container runtime answers, local processes otherwise.</summary>
    Auto,

    /// <summary>Debian's PostgreSQL and RabbitMQ binaries and the smtp4dev tool, as local processes on loopback.</summary>
    Processes,

    /// <summary>Aspire's PostgreSQL, RabbitMQ and smtp4dev containers.</summary>
    Containers,

    /// <summary>Servers already running elsewhere (e.g. Testcontainers), given by connection strings.</summary>
    External,
}

/// <summary>
/// The "Safeguard" configuration section: how to run the servers, where their data lives and on which
/// loopback ports. Tests override it with command-line arguments to get fresh data and free ports.
/// </summary>
public sealed record PlatformSettings(
    InfrastructureMode Mode,
    string RepositoryRoot,
    string StateDirectory,
    int GatewayPort,
    int PostgresPort,
    int RabbitMqPort,
    int RabbitMqDistributionPort,
    int SmtpPort,
    int SmtpWebPort,
    int? ServicePortBase,
    string? AuthAuthority,
    int Replicas = 1)
{
    /// <summary>The services in the order of their fixed ports (Safeguard:Ports:Services + index).</summary>
    private static readonly string[] ServiceOrder = ["risk-assessment", "safety-plan", "reintegration", "training-registry", "notification", "identity", "workspace"];

    /// <summary>
    /// A service's fixed port when Safeguard:Ports:Services is set (the benchmark calls a service directly to
    /// measure the gateway's overhead): the base plus the service's place, and a further replica one row of
    /// services on (base + 7 for risk-assessment-2); otherwise null, and Aspire picks a free one.
    /// </summary>
    public int? ServicePort(string service, int replica = 0) =>
        ServicePortBase is { } first && Array.IndexOf(ServiceOrder, service) is >= 0 and var index ? first + index + replica * ServiceOrder.Length : null;

    public static PlatformSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection("Safeguard");
        var root = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var stateDirectory = section["StateDir"];
        var mode = Enum.Parse<InfrastructureMode>(section["Infrastructure"] ?? "auto", ignoreCase: true);
        if (mode == InfrastructureMode.Auto)
        {
            mode = ContainerRuntimeProbe.IsAvailable() ? InfrastructureMode.Containers : InfrastructureMode.Processes;
        }

        var rabbitMqPort = Port(section, "RabbitMq", 15673);
        return new PlatformSettings(
            mode,
            root,
            string.IsNullOrWhiteSpace(stateDirectory) ? Path.Combine(root, ".data") : Path.GetFullPath(stateDirectory),
            Port(section, "Gateway", 8080),
            Port(section, "Postgres", 15432),
            rabbitMqPort,
            // The broker's Erlang distribution listener: a second port, which must be free too.
            Port(section, "RabbitMqDist", rabbitMqPort + 1),
            Port(section, "Smtp", 2525),
            Port(section, "SmtpWeb", 5080),
            int.TryParse(section["Ports:Services"], out var services) ? services : null,
            // Another OpenID Connect provider the platform trusts instead of its own identity service.
            section["Auth:Authority"] is { Length: > 0 } authority ? authority : null,
            // Processes per domain service (the workspace and the gateway run one each).
            Math.Max(1, section.GetValue("Replicas", 1)));
    }

    /// <summary>Where people and systems reach the platform: the gateway, which is also the tokens' issuer.</summary>
    public string PublicUrl => $"http://localhost:{GatewayPort}/";

    /// <summary>The OpenID Connect provider every service trusts: another one when configured, else the platform's identity service.</summary>
    public string Authority => AuthAuthority ?? PublicUrl;

    /// <summary>The identity service's signing and encryption certificates (outside every database).</summary>
    public string TokenKeysDirectory => Path.Combine(StateDirectory, "token-keys");

    private static int Port(IConfiguration section, string name, int fallback) =>
        int.TryParse(section[$"Ports:{name}"], out var port) ? port : fallback;
}
