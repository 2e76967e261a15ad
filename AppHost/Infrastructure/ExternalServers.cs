using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Servers that already run (e.g. started by Testcontainers in a test), given in configuration:
/// ConnectionStrings:postgres (the server's administrator, no database), ConnectionStrings:messaging (amqp:// URI) and
/// Safeguard:Smtp:Host / Safeguard:Smtp:Port.
/// </summary>
public sealed class ExternalServers : IPlatformServers
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly IConfiguration _configuration;

    public ExternalServers(IDistributedApplicationBuilder builder)
    {
        _builder = builder;
        var configuration = _configuration = builder.Configuration;
        var postgres = Required(configuration, "ConnectionStrings:postgres");
        var messaging = Required(configuration, "ConnectionStrings:messaging");
        var smtpHost = Required(configuration, "Safeguard:Smtp:Host");
        var smtpPort = Required(configuration, "Safeguard:Smtp:Port");

        var server = new NpgsqlConnectionStringBuilder(postgres);
        Postgres = new DatabaseServer(ReferenceExpression.Create($"{server.Host!}"), ReferenceExpression.Create($"{server.Port.ToString()}"),
            ReferenceExpression.Create($"{postgres}"));
        Messaging = builder.AddConnectionString("messaging", ReferenceExpression.Create($"{messaging}"));
        Smtp = new SmtpServer(ReferenceExpression.Create($"{smtpHost}"), ReferenceExpression.Create($"{smtpPort}"));
    }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>
    /// The service's own user where its operator gives one (ConnectionStrings:messaging-{user}, made with the
    /// permissions of <see cref="BrokerUser"/>); otherwise the one broker connection.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> MessagingAs(BrokerUser user) =>
        _configuration[$"ConnectionStrings:messaging-{user.Name}"] is { Length: > 0 } own
            ? _builder.AddConnectionString($"{user.Name}-messaging", ReferenceExpression.Create($"{own}"))
            : Messaging;

    public SmtpServer Smtp { get; }

    public IReadOnlyList<IResourceBuilder<IResource>> StartFirst => [];

    public DatabaseServer Postgres { get; }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] ?? throw new InvalidOperationException($"Infrastructure 'external' needs {key}.");
}
