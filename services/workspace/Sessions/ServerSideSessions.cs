using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Safeguard.Workspace.Sessions;

/// <summary>
/// Sign-in sessions kept on the server (issue 23: tokens stay on the server): the browser's cookie holds only a
/// random key, and the tokens, roles and institution stay here. A session not used for
/// <see cref="IdleTimeout"/> is gone, and with it the sign-in: the next page asks her to sign in again. Lost on a
/// restart of the workspace, which only means signing in again.
/// </summary>
public sealed class ServerSideSessions(IMemoryCache cache) : ITicketStore
{
    /// <summary>Signed out after this long without a page or a call (a shared computer at a centre at night).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The session's key, on the principal kept here: the cookie handler gives pages the stored principal, so the
    /// circuit finds its tokens by this claim. Never leaves the server.
    /// </summary>
    public const string KeyClaim = "workspace_session";

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        ((System.Security.Claims.ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new System.Security.Claims.Claim(KeyClaim, key));
        Keep(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Keep(key, ticket);
        return Task.CompletedTask;
    }

    /// <summary>The key of the session a principal belongs to; null for a principal not signed in here.</summary>
    public static string? KeyOf(System.Security.Claims.ClaimsPrincipal user) => user.FindFirst(KeyClaim)?.Value;

    /// <summary>
    /// Work inside a circuit sends no request that would slide the cookie: each use of the session's tokens keeps it
    /// alive instead, for another <see cref="IdleTimeout"/>.
    /// </summary>
    public Task TouchAsync(string key, AuthenticationTicket ticket, DateTimeOffset now)
    {
        ticket.Properties.ExpiresUtc = now + IdleTimeout;
        return RenewAsync(key, ticket);
    }

    /// <summary>One refresh of a session's tokens at a time (a rotated refresh token works once); it goes with the session.</summary>
    public SemaphoreSlim GateOf(string key) =>
        cache.GetOrCreate("gate:" + key, entry =>
        {
            entry.SlidingExpiration = IdleTimeout;
            return new SemaphoreSlim(1, 1);
        })!;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(cache.Get<AuthenticationTicket>(Name(key)));

    public Task RemoveAsync(string key)
    {
        cache.Remove(Name(key));
        return Task.CompletedTask;
    }

    private void Keep(string key, AuthenticationTicket ticket) =>
        cache.Set(Name(key), ticket, new MemoryCacheEntryOptions { SlidingExpiration = IdleTimeout, AbsoluteExpiration = ticket.Properties.ExpiresUtc });

    private static string Name(string key) => "session:" + key;
}

/// <summary>Registers the store as the cookie's session store.</summary>
public static class ServerSideSessionsRegistration
{
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<ServerSideSessions>();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideSessions>((cookie, sessions) => cookie.SessionStore = sessions);
        return services;
    }
}
