using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Servers that already run (e.g. started by Testcontainers in a test), given in configuration:
/// ConnectionStrings:postgres (server, no database), ConnectionStrings:messaging (amqp:// URI) and
/// Safeguard:Smtp:Host / Safeguard:Smtp:Port.
/// </summary>
public sealed class ExternalServers : IPlatformServers
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly string _postgres;

    public ExternalServers(IDistributedApplicationBuilder builder)
    {
        _builder = builder;
        var configuration = builder.Configuration;
        _postgres = Required(configuration, "ConnectionStrings:postgres");
        var messaging = Required(configuration, "ConnectionStrings:messaging");
        var smtpHost = Required(configuration, "Safeguard:Smtp:Host");
        var smtpPort = Required(configuration, "Safeguard:Smtp:Port");

        Messaging = builder.AddConnectionString("messaging", ReferenceExpression.Create($"{messaging}"));
        Smtp = new SmtpServer(ReferenceExpression.Create($"{smtpHost}"), ReferenceExpression.Create($"{smtpPort}"));
    }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    public SmtpServer Smtp { get; }

    public IReadOnlyList<IResourceBuilder<IResource>> StartFirst => [];

    public IResourceBuilder<IResourceWithConnectionString> Database(string resourceName, string databaseName) =>
        _builder.AddConnectionString(resourceName, ReferenceExpression.Create($"{_postgres};Database={databaseName}"));

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] ?? throw new InvalidOperationException($"Infrastructure 'external' needs {key}.");
}
