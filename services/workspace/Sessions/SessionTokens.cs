using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Safeguard.Workspace.Sessions;

/// <summary>
/// The signed-in person's access token for the gateway, from her server-side session, refreshed with the refresh
/// token shortly before it expires (access tokens live minutes; the identity service rotates refresh tokens). Null
/// when the session has ended: idle too long, signed out, or the account disabled (its refresh is refused).
/// </summary>
public sealed class SessionTokens(
    AuthenticationStateProvider authentication, ServerSideSessions sessions, IHttpClientFactory httpClients,
    IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider time, ILogger<SessionTokens> log)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);

    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (ServerSideSessions.KeyOf(user) is not { } key)
        {
            return null;
        }
        var gate = sessions.GateOf(key);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var ticket = await sessions.RetrieveAsync(key);
            if (ticket is null)
            {
                return null;
            }
            var expiresAt = DateTimeOffset.Parse(ticket.Properties.GetTokenValue("expires_at") ?? "0001-01-01", CultureInfo.InvariantCulture);
            if (expiresAt - time.GetUtcNow() > RefreshAhead)
            {
                // Using the workspace keeps the session alive (its idle clock restarts).
                await sessions.TouchAsync(key, ticket, time.GetUtcNow());
                return ticket.Properties.GetTokenValue("access_token");
            }
            if (!await RefreshAsync(ticket, cancellationToken))
            {
                await sessions.RemoveAsync(key);
                return null;
            }
            await sessions.TouchAsync(key, ticket, time.GetUtcNow());
            return ticket.Properties.GetTokenValue("access_token");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> RefreshAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Properties.GetTokenValue("refresh_token") is not { } refreshToken)
        {
            return false;
        }
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var http = httpClients.CreateClient(nameof(SessionTokens));
        using var response = await http.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A disabled account, a reused or expired refresh token: the session ends; no token text is logged.
            log.LogInformation("The identity service refused to refresh a workspace session ({Status}).", (int)response.StatusCode);
            return false;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = body.RootElement;
        ticket.Properties.UpdateTokenValue("access_token", root.GetProperty("access_token").GetString()!);
        if (root.TryGetProperty("refresh_token", out var rotated))
        {
            ticket.Properties.UpdateTokenValue("refresh_token", rotated.GetString()!);
        }
        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
        ticket.Properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
        return true;
    }
}
