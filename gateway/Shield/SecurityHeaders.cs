using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Model;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// Headers on every answer: nothing is framed, sniffed, cached or sent as a referrer. Answers carry personal
/// data, so no browser or proxy may keep a copy (Cache-Control: no-store). The content-security policy lets
/// nothing run, except on the few pages the gateway serves to a browser that declare their own
/// (<see cref="WithContentSecurityPolicy{TBuilder}"/>) and on a proxied browser application whose route names
/// one in its metadata ("ContentSecurityPolicy": the workspace runs its own scripts and styles, nothing else).
/// </summary>
public static class SecurityHeaders
{
    private const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>An endpoint's own content-security policy, in place of the strict one.</summary>
    public sealed record ContentSecurityPolicy(string Policy);

    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder endpoint, string policy) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ContentSecurityPolicy(policy));

    /// <summary>The gateway's own Kestrel names no server software either.</summary>
    public static WebApplicationBuilder HideServerBanner(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Policy
                ?? (context.Features.Get<IReverseProxyFeature>()?.Route.Config.Metadata?.TryGetValue("ContentSecurityPolicy", out var policy) == true ? policy : null)
                ?? StrictPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.CacheControl = "no-store";
            // The services' own Kestrel banner would pass through the proxy: no server names its software.
            headers.Remove("Server");
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
