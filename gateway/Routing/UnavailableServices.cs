using Safeguard.Gateway.Shield;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Safeguard.Gateway.Routing;

/// <summary>
/// A service that is down or not ready (its /health fails: database or broker unreachable) is taken out of
/// routing by active health checks, and its callers get a 503 problem with Retry-After at once instead of
/// a hang or an empty 502. A failure while forwarding gets the same kind of answer.
/// </summary>
internal static class UnavailableServices
{
    /// <summary>Seconds a client should wait before trying again: about two health probes.</summary>
    private const string RetryAfterSeconds = "10";

    public static IReverseProxyApplicationBuilder UseUnavailableServiceProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted)
            {
                return;
            }
            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var (status, title, detail) = failure.Error switch
            {
                ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, $"{service} is not ready.",
                    "The service cannot reach its database or broker, or is restarting. Nothing was sent to it; try again shortly."),
                ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, $"{service} did not answer in time.",
                    "The request may or may not have been applied: read the record before trying again."),
                _ => (StatusCodes.Status503ServiceUnavailable, $"{service} is unavailable.",
                    "The gateway could not complete the request with the service; read the record before trying again."),
            };
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await GatewayProblems.WriteAsync(context, status, title, detail);
        });
        return proxy;
    }
}
