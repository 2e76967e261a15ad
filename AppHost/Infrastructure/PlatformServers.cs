using Aspire.Hosting.ApplicationModel;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>Where the SMTP server is, as values the notification service's configuration can take.</summary>
public sealed record SmtpServer(ReferenceExpression Host, ReferenceExpression Port);

/// <summary>The servers the services stand on, however they are run.</summary>
public interface IPlatformServers
{
    /// <summary>A database of its own for one service, on the shared PostgreSQL server.</summary>
    IResourceBuilder<IResourceWithConnectionString> Database(string resourceName, string databaseName);

    /// <summary>The RabbitMQ broker (an amqp:// connection string).</summary>
    IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    SmtpServer Smtp { get; }

    /// <summary>Resources the services must wait for (healthy) before they start.</summary>
    IReadOnlyList<IResourceBuilder<IResource>> StartFirst { get; }
}
