using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// Token buckets per client (the token's subject, or the address of a caller without one) and per
/// institution, so that one runaway script — or one institution's — cannot starve the others. Over the
/// limit: 429 problem with Retry-After. Settings: Gateway:RateLimits:{PerClient|PerInstitution}:{PerSecond|Burst}.
/// A client also has at most Gateway:RateLimits:PerClient:InFlight requests under way at once (10, and 20 more
/// waiting in line): a burst within its rate would otherwise take every turn a service has (ServiceAdmission), and
/// everyone else would be refused for one caller's load.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gateway:RateLimits");
        var perClient = Bucket(section.GetSection("PerClient"), perSecond: 100, burst: 400);
        var perInstitution = Bucket(section.GetSection("PerInstitution"), perSecond: 400, burst: 1600);
        var inFlight = new ConcurrencyLimiterOptions
        {
            PermitLimit = section.GetValue("PerClient:InFlight", 10),
            QueueLimit = section.GetValue("PerClient:InFlightQueue", 20),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => perClient)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(PlatformClaims.Institution)?.Value is { Length: > 0 } institution
                        ? RateLimitPartition.GetTokenBucketLimiter("institution:" + institution, _ => perInstitution)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetConcurrencyLimiter(ClientOf(context), _ => inFlight)));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await GatewayProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.",
                    "The rate limit of this client or institution, or the requests this client may have under way at once, is reached; " +
                    "retry after the time in Retry-After.");
            };
        });
        return builder;
    }

    private static string ClientOf(HttpContext context) =>
        context.User.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject
            ? "subject:" + subject
            : "address:" + context.Connection.RemoteIpAddress;

    private static TokenBucketRateLimiterOptions Bucket(IConfiguration section, int perSecond, int burst) => new()
    {
        TokensPerPeriod = section.GetValue("PerSecond", perSecond),
        TokenLimit = section.GetValue("Burst", burst),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
