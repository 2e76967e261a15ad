using System.Diagnostics.Metrics;
using Yarp.ReverseProxy.Model;

namespace Safeguard.Gateway.Shield;

public static class ServiceAdmissionExtensions
{
    /// <summary>Seconds a refused caller should wait: a turn frees within milliseconds, a burst passes within a second.</summary>
    private const string RetryAfterSeconds = "1";

    public static IServiceCollection AddServiceAdmission(this IServiceCollection services) =>
        services.AddSingleton(provider => new ServiceAdmission(provider.GetRequiredService<IConfiguration>()));

    /// <summary>
    /// Runs each proxied request in a turn of its service (<see cref="ServiceAdmission"/>); without one, answers 503
    /// with Retry-After and counts the refusal for the dashboard (safeguard.gateway.refused, by service, beside
    /// safeguard.gateway.turns). Nothing was
    /// sent to the service, so the caller may send the same request again.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseServiceAdmission(this IReverseProxyApplicationBuilder proxy)
    {
        var admission = proxy.ApplicationServices.GetRequiredService<ServiceAdmission>();
        var meter = proxy.ApplicationServices.GetRequiredService<IMeterFactory>().Create(UnauthenticatedRequests.MeterName);
        var refused = meter.CreateCounter<long>("safeguard.gateway.refused", "{request}", "Requests refused because their service had no turn free (503)");
        meter.CreateObservableGauge("safeguard.gateway.turns", () => admission.CurrentLimits.Select(l =>
            new Measurement<int>(l.Value, new KeyValuePair<string, object?>("service", l.Key))), "{request}", "Requests each service is given at once now");
        proxy.Use(async (context, next) =>
        {
            var cluster = context.GetReverseProxyFeature().Cluster.Config;
            if (ServiceAdmission.Exempts(context, cluster.Metadata))
            {
                await next();
                return;
            }
            var service = cluster.ClusterId;
            using var turn = await admission.EnterAsync(service, context.RequestAborted);
            if (turn is null)
            {
                refused.Add(1, new KeyValuePair<string, object?>("service", service));
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
                await GatewayProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, $"{service} is at capacity.",
                    "Nothing was sent to the service; send the request again after the time in Retry-After.");
                return;
            }
            await next();
        });
        return proxy;
    }
}
