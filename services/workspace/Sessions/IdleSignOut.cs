using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace Safeguard.Workspace.Sessions;

/// <summary>
/// The page's side of the idle rule (issue 23: "the session signs out after inactivity"). The browser watches her
/// keys and taps: while she works, even typing a long form that calls nothing, it tells the server once a minute,
/// which keeps the session; after <see cref="PageIdleLimit"/> without any, the page signs her out by itself, so a
/// victim's record does not stay on an unattended screen until someone touches it.
/// </summary>
public sealed class IdleSignOut(AuthenticationStateProvider authentication, ServerSideSessions sessions, TimeProvider time)
{
    /// <summary>
    /// A minute short of the server's own limit: the page leaves while the session still exists, so the sign-out form
    /// it posts is still hers (its antiforgery token belongs to the signed-in person).
    /// </summary>
    public static readonly TimeSpan PageIdleLimit = ServerSideSessions.IdleTimeout - TimeSpan.FromMinutes(1);

    /// <summary>How often, at most, the page says she is still at work.</summary>
    public static readonly TimeSpan StillHereEvery = TimeSpan.FromMinutes(1);

    [JSInvokable]
    public async Task<bool> StillHereAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (ServerSideSessions.KeyOf(user) is not { } key || await sessions.RetrieveAsync(key) is not { } ticket)
        {
            return false;
        }
        await sessions.TouchAsync(key, ticket, time.GetUtcNow());
        return true;
    }
}
