using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL, RabbitMQ and smtp4dev as local processes on loopback, for machines without a container
/// runtime. Each runs through its script in eng/local (the same scripts tests use), keeps its data in the
/// state folder and is health-checked, so services start only once it answers.
/// </summary>
public sealed class LocalProcessServers : IPlatformServers
{
    private const string Loopback = "127.0.0.1";
    private const string RabbitMqUser = "safeguard";
    private readonly IDistributedApplicationBuilder _builder;
    private readonly PlatformSettings _settings;
    private readonly List<BrokerUser> _brokerUsers = [];

    public LocalProcessServers(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        _builder = builder;
        _settings = settings;
        var secrets = LocalSecrets.LoadOrCreate(settings.StateDirectory);
        var postgresPassword = builder.AddParameter("postgres-password", secrets.PostgresPassword, secret: true);
        var rabbitMqPassword = builder.AddParameter("rabbitmq-password", secrets.RabbitMqPassword, secret: true);

        var adminConnection = $"Host={Loopback};Port={settings.PostgresPort};Username=postgres;Password={secrets.PostgresPassword};Database=postgres";
        builder.Services.AddHealthChecks()
            .AddCheck("postgres-ready", new PostgresReadyCheck(adminConnection))
            .AddCheck("rabbitmq-ready", new AmqpReadyCheck(Loopback, settings.RabbitMqPort))
            .AddCheck("smtp-ready", new SmtpReadyCheck(Loopback, settings.SmtpPort));

        var postgres = Script("postgres", "postgres.sh")
            .WithEnvironment("PG_PORT", settings.PostgresPort.ToString())
            .WithEnvironment("PG_PASSWORD", postgresPassword)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: settings.PostgresPort, isProxied: false)
            .WithHealthCheck("postgres-ready");

        // Each service's own user (MessagingAs), written for the broker to import at each boot.
        _brokerUsers.Add(BrokerUser.Administrator(RabbitMqUser, secrets.RabbitMqPassword));
        var definitions = Path.Combine(settings.StateDirectory, "rabbitmq", "definitions.json");
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            BrokerDefinitions.Write(definitions, _brokerUsers);
            return Task.CompletedTask;
        });
        var rabbitMq = Script("rabbitmq", "rabbitmq.sh")
            .WithEnvironment("RABBITMQ_DEFINITIONS", definitions)
            .WithEnvironment("RABBITMQ_PORT", settings.RabbitMqPort.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", settings.RabbitMqDistributionPort.ToString())
            .WithEnvironment("RABBITMQ_USER", RabbitMqUser)
            .WithEnvironment("RABBITMQ_PASSWORD", rabbitMqPassword)
            .WithEndpoint(name: "amqp", scheme: "amqp", port: settings.RabbitMqPort, isProxied: false)
            .WithHealthCheck("rabbitmq-ready");

        var smtp = Script("smtp", "smtp4dev.sh")
            .WithEnvironment("SMTP_PORT", settings.SmtpPort.ToString())
            .WithEnvironment("SMTP_WEB_PORT", settings.SmtpWebPort.ToString())
            .WithEnvironment("SMTP_DB", Path.Combine(settings.StateDirectory, "smtp4dev.db"))
            .WithEndpoint(name: "smtp", scheme: "tcp", port: settings.SmtpPort, isProxied: false)
            .WithHttpEndpoint(name: "http", port: settings.SmtpWebPort, isProxied: false)
            .WithHealthCheck("smtp-ready")
            .WithHttpHealthCheck("/api/messages", endpointName: "http");

        Postgres = new DatabaseServer(ReferenceExpression.Create($"{Loopback}"), ReferenceExpression.Create($"{settings.PostgresPort.ToString()}"),
            ReferenceExpression.Create($"Host={Loopback};Port={settings.PostgresPort.ToString()};Username=postgres;Password={postgresPassword}"));
        Messaging = builder.AddConnectionString("messaging", ReferenceExpression.Create(
            $"amqp://{RabbitMqUser}:{rabbitMqPassword}@{Loopback}:{settings.RabbitMqPort.ToString()}/"));
        Smtp = new SmtpServer(ReferenceExpression.Create($"{Loopback}"), ReferenceExpression.Create($"{settings.SmtpPort.ToString()}"));
        StartFirst = [postgres, rabbitMq, smtp];
    }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    public IResourceBuilder<IResourceWithConnectionString> MessagingAs(BrokerUser user)
    {
        _brokerUsers.Add(user);
        var password = _builder.AddParameter($"{user.Name}-messaging-password", user.Password, secret: true);
        return _builder.AddConnectionString($"{user.Name}-messaging", ReferenceExpression.Create(
            $"amqp://{user.Name}:{password}@{Loopback}:{_settings.RabbitMqPort.ToString()}/"));
    }

    public SmtpServer Smtp { get; }

    public IReadOnlyList<IResourceBuilder<IResource>> StartFirst { get; }

    public DatabaseServer Postgres { get; }

    private IResourceBuilder<ExecutableResource> Script(string name, string script) =>
        _builder.AddExecutable(name, "bash", _settings.RepositoryRoot, Path.Combine(_settings.RepositoryRoot, "eng", "local", script))
            .WithEnvironment("SAFEGUARD_STATE_DIR", _settings.StateDirectory);
}
