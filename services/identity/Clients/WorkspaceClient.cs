using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Identity.Connect;

namespace Safeguard.Identity.Clients;

/// <summary>
/// The platform's own web workspace (issue 23) is a front end people sign in through: registered on every start at
/// the gateway's current address, so a platform on another port or host needs nothing done by hand.
/// </summary>
public sealed class WorkspaceClient(ClientRegistry clients, IConfiguration configuration) : IStartupDataStep
{
    public const string ClientId = "workspace";

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var gateway = new Uri(OpenIdConnectServer.PublicUrl(configuration));
        return clients.EnsureFrontEndAsync(ClientId, "Safeguard workspace",
            [new Uri(gateway, "workspace/signin-oidc")], [new Uri(gateway, "workspace/signed-out")], cancellationToken);
    }
}
