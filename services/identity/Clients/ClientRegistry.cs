using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Safeguard.Identity.Clients;

/// <summary>An institution's system, as registered: it acts for <paramref name="Institution"/> in <paramref name="Roles"/> only.</summary>
public sealed record InstitutionSystem(string ClientId, string Institution, IReadOnlyList<string> Roles);

/// <summary>
/// The clients OpenIddict knows, with what the platform adds to them: a system's institution and roles. Two kinds:
/// an institution's own system (confidential, client credentials) and a front end people sign in through (public,
/// authorization code with PKCE and refresh tokens).
/// </summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications)
{
    private const string InstitutionProperty = "institution";
    private const string RolesProperty = "roles";

    public async Task<InstitutionSystem?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(InstitutionProperty, out var institution) || !properties.TryGetValue(RolesProperty, out var roles))
        {
            return null;
        }
        return new InstitutionSystem(clientId, institution.GetString()!, [.. roles.EnumerateArray().Select(r => r.GetString()!)]);
    }

    public async Task<bool> ExistsAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is not null;

    /// <returns>The secret, shown once: only its hash is stored.</returns>
    public async Task<string> RegisterSystemAsync(string clientId, string displayName, string institution, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + Connect.OpenIdConnectServer.ApiScope },
        };
        descriptor.Properties[InstitutionProperty] = JsonSerializer.SerializeToElement(institution);
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(roles);
        await applications.CreateAsync(descriptor, cancellationToken);
        return secret;
    }

    public async Task RegisterFrontEndAsync(string clientId, string displayName, IReadOnlyList<Uri> redirectUris, IReadOnlyList<Uri> postLogoutRedirectUris, CancellationToken cancellationToken) =>
        await applications.CreateAsync(FrontEnd(clientId, displayName, redirectUris, postLogoutRedirectUris), cancellationToken);

    /// <summary>A front end of the platform itself (the workspace), registered on start and kept at its current addresses.</summary>
    public async Task EnsureFrontEndAsync(string clientId, string displayName, IReadOnlyList<Uri> redirectUris, IReadOnlyList<Uri> postLogoutRedirectUris, CancellationToken cancellationToken)
    {
        var descriptor = FrontEnd(clientId, displayName, redirectUris, postLogoutRedirectUris);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
            return;
        }
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    private static OpenIddictApplicationDescriptor FrontEnd(string clientId, string displayName, IReadOnlyList<Uri> redirectUris, IReadOnlyList<Uri> postLogoutRedirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            // First-party front ends of the platform: the person is not asked to consent to her own platform.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Prefixes.Scope + Connect.OpenIdConnectServer.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }
        foreach (var uri in postLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(uri);
        }
        return descriptor;
    }
}
