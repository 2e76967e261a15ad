using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// Headers on every answer: nothing is framed, sniffed, cached or sent as a referrer. Answers carry personal
/// data, so no browser or proxy may keep a copy (Cache-Control: no-store).
/// </summary>
public static class SecurityHeaders
{
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
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
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
