using Yarp.ReverseProxy.Configuration;

namespace Safeguard.Gateway;

/// <summary><c>GET /</c>: which APIs the gateway serves and where each one's OpenAPI document is.</summary>
public static class ApiIndex
{
    public sealed record ApiEntry(string Service, string Path, string OpenApi);

    public static WebApplication MapApiIndex(this WebApplication app)
    {
        app.MapGet("/", (IProxyConfigProvider proxy) =>
        {
            var entries = proxy.GetConfig().Routes
                .Where(r => r.Match.Path is not null)
                .Select(r =>
                {
                    var prefix = r.Match.Path!.Replace("/{**rest}", "", StringComparison.Ordinal);
                    return new ApiEntry(r.ClusterId ?? r.RouteId, prefix, prefix + "/openapi/v1.json");
                })
                .OrderBy(e => e.Path, StringComparer.Ordinal)
                .ToArray();
            return TypedResults.Ok(new { name = "Safeguard gateway", apis = entries });
        }).ExcludeFromDescription();
        return app;
    }
}
