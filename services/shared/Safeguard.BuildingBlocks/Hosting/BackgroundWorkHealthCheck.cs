using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>How long since the service's outbox last moved (implemented by its dispatcher).</summary>
internal interface IOutboxProgress
{
    TimeSpan SinceMoved { get; }
}

/// <summary>
/// /health says Degraded, with the reason, when the service's background work has stopped (issue 26 §3): its outbox has
/// not moved for Safeguard:StallAfter (2 minutes by default) while events wait, or a worker (a clock watcher, the
/// e-mail sender) has not finished a round for that long, or three of its intervals if longer. Degraded still answers
/// 200: the service serves requests, and the gateway keeps routing to it, but an operator sees that its deadlines or
/// events are not moving.
/// </summary>
public sealed class BackgroundWorkHealthCheck(IEnumerable<IHostedService> hosted, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "background-work";

    private readonly TimeSpan _stallAfter = configuration.GetValue("Safeguard:StallAfter", TimeSpan.FromMinutes(2));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        foreach (var worker in hosted.OfType<PollingWorker>())
        {
            var limit = worker.Interval * 3 > _stallAfter ? worker.Interval * 3 : _stallAfter;
            if (worker.SinceLastRound > limit)
            {
                reasons.Add($"{worker.Name} has not finished a round for {Minutes(worker.SinceLastRound)}");
            }
            if (worker is IOutboxProgress outbox && outbox.SinceMoved > _stallAfter)
            {
                reasons.Add($"the outbox has not moved for {Minutes(outbox.SinceMoved)}: events wait to be published");
            }
        }
        return Task.FromResult(reasons.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join("; ", reasons)));
    }

    private static string Minutes(TimeSpan elapsed) => elapsed < TimeSpan.FromMinutes(2) ? $"{elapsed.TotalSeconds:0} s" : $"{elapsed.TotalMinutes:0} min";
}
