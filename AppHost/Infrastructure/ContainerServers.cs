using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>Aspire's PostgreSQL and RabbitMQ containers and the smtp4dev image, where a container runtime answers.</summary>
public sealed class ContainerServers : IPlatformServers
{
    private readonly IResourceBuilder<PostgresServerResource> _postgres;

    public ContainerServers(IDistributedApplicationBuilder builder)
    {
        _postgres = builder.AddPostgres("postgres").WithDataVolume("safeguard-postgres");
        var rabbitMq = builder.AddRabbitMQ("rabbitmq").WithDataVolume("safeguard-rabbitmq");
        var smtp = builder.AddContainer("smtp", "rnwood/smtp4dev", "v3")
            .WithEndpoint(name: "smtp", scheme: "tcp", targetPort: 25)
            .WithHttpEndpoint(name: "http", targetPort: 80)
            .WithEnvironment("ServerOptions__NumberOfMessagesToKeep", "10000") // as eng/local/smtp4dev.sh: not only the last 100
            .WithHttpHealthCheck("/api/messages", endpointName: "http");

        var postgresEndpoint = _postgres.Resource.PrimaryEndpoint;
        Postgres = new DatabaseServer(
            ReferenceExpression.Create($"{postgresEndpoint.Property(EndpointProperty.Host)}"),
            ReferenceExpression.Create($"{postgresEndpoint.Property(EndpointProperty.Port)}"),
            _postgres.Resource.ConnectionStringExpression);
        var smtpEndpoint = smtp.GetEndpoint("smtp");
        Messaging = rabbitMq;
        Smtp = new SmtpServer(
            ReferenceExpression.Create($"{smtpEndpoint.Property(EndpointProperty.Host)}"),
            ReferenceExpression.Create($"{smtpEndpoint.Property(EndpointProperty.Port)}"));
        StartFirst = [_postgres, rabbitMq, smtp];
    }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>
    /// Aspire's RabbitMQ container has one user: the services share it here. Per-service users are made where the
    /// platform runs its own broker (processes) and by the operator of an external one (README, "Broker users").
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> MessagingAs(BrokerUser user) => Messaging;

    public SmtpServer Smtp { get; }

    public IReadOnlyList<IResourceBuilder<IResource>> StartFirst { get; }

    public DatabaseServer Postgres { get; }
}
