using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// A service's own database and its two roles (issue 24 §1): the running service connects as
/// "{database}_runtime", which may only change rows of its own tables (and only add to the audit); the migrate step
/// connects as "{database}_owner", which holds the schema. The migrate step also gets the server administrator's
/// connection, to make both roles and the database on a local platform.
/// </summary>
public sealed class ServiceDatabase
{
    private ServiceDatabase(IResourceBuilder<IResourceWithConnectionString> runtime, ReferenceExpression owner, ReferenceExpression administrator)
    {
        Runtime = runtime;
        Owner = owner;
        Administrator = administrator;
    }

    /// <summary>The running service's connection ("{service}-db" in the dashboard and the tests).</summary>
    public IResourceBuilder<IResourceWithConnectionString> Runtime { get; }

    /// <summary>The owner's connection, given to the migrate step only.</summary>
    public ReferenceExpression Owner { get; }

    /// <summary>The server administrator's connection, given to the migrate step only.</summary>
    public ReferenceExpression Administrator { get; }

    public static string RuntimeRole(string databaseName) => databaseName + "_runtime";

    public static string OwnerRole(string databaseName) => databaseName + "_owner";

    public static ServiceDatabase Add(IDistributedApplicationBuilder builder, DatabaseServer server, ServiceCredentials credentials,
        string resourceName, string databaseName)
    {
        var runtimeRole = RuntimeRole(databaseName);
        var ownerRole = OwnerRole(databaseName);
        var runtimePassword = builder.AddParameter($"{resourceName}-runtime-password", credentials.DatabasePassword(runtimeRole), secret: true);
        var ownerPassword = builder.AddParameter($"{resourceName}-owner-password", credentials.DatabasePassword(ownerRole), secret: true);
        var runtime = builder.AddConnectionString(resourceName, ReferenceExpression.Create(
            $"Host={server.Host};Port={server.Port};Username={runtimeRole};Password={runtimePassword};Database={databaseName}"));
        var owner = ReferenceExpression.Create(
            $"Host={server.Host};Port={server.Port};Username={ownerRole};Password={ownerPassword};Database={databaseName}");
        return new ServiceDatabase(runtime, owner, server.Administrator);
    }
}
