using Aspire.Hosting.ApplicationModel;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>Where the SMTP server is, as values the notification service's configuration can take.</summary>
public sealed record SmtpServer(ReferenceExpression Host, ReferenceExpression Port);

/// <summary>
/// Where PostgreSQL listens, as values a connection string can take, and its administrator's connection (no
/// database), with which each service's migrate step makes its roles and database (<see cref="ServiceDatabase"/>).
/// </summary>
public sealed record DatabaseServer(ReferenceExpression Host, ReferenceExpression Port, ReferenceExpression Administrator);

/// <summary>The servers the services stand on, however they are run.</summary>
public interface IPlatformServers
{
    /// <summary>The PostgreSQL server every service has a database of its own on.</summary>
    DatabaseServer Postgres { get; }

    /// <summary>The RabbitMQ broker (an amqp:// connection string) as its administrator: the tests' listeners.</summary>
    IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>The broker as a service's own user ("{user}-messaging"), with only that user's permissions where the platform makes its users.</summary>
    IResourceBuilder<IResourceWithConnectionString> MessagingAs(BrokerUser user);

    SmtpServer Smtp { get; }

    /// <summary>Resources the services must wait for (healthy) before they start.</summary>
    IReadOnlyList<IResourceBuilder<IResource>> StartFirst { get; }
}
