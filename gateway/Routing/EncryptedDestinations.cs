using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Gateway.Routing;

public static class EncryptedDestinations
{
    /// <summary>
    /// Outside Development the gateway reaches every service over https:// (issue 24 §12): a destination such as
    /// "http://risk-assessment" (or "https+http://", which falls back to clear text) stops it at start.
    /// </summary>
    public static WebApplicationBuilder RequireEncryptedDestinations(this WebApplicationBuilder builder)
    {
        foreach (var cluster in builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                builder.RequireEncrypted($"gateway to {cluster.Key}", TransportSecurity.HttpWeakness(destination["Address"] ?? ""));
            }
        }
        return builder;
    }
}
