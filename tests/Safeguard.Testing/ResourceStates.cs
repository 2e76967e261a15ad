using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Safeguard.Testing;

/// <summary>
/// The latest state of every resource of the platform while it starts: when the start runs out of time, which
/// server, migrate step or service it was still waiting for is the first thing a CI log must say.
/// </summary>
internal sealed class ResourceStates
{
    private readonly ConcurrentDictionary<string, string> _latest = new();

    public static ResourceStates Watch(DistributedApplication app, CancellationToken stop)
    {
        var states = new ResourceStates();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in app.ResourceNotifications.WatchAsync(stop))
                {
                    states._latest[change.ResourceId] = Describe(change.Snapshot);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, stop);
        return states;
    }

    public override string ToString() =>
        _latest.IsEmpty ? "  (no resource reported a state)" : string.Join('\n', _latest.OrderBy(s => s.Key).Select(s => $"  {s.Key}: {s.Value}"));

    private static string Describe(CustomResourceSnapshot snapshot) =>
        string.Join(", ", new[]
        {
            snapshot.State?.Text is { Length: > 0 } state ? state : "not started",
            snapshot.HealthStatus is { } health ? health.ToString().ToLowerInvariant() : null,
            snapshot.ExitCode is { } code ? $"exit code {code}" : null,
        }.Where(part => part is not null));
}
