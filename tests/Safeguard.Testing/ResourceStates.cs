using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguard.Testing;

/// <summary>
/// The latest state of every resource of the platform while it starts: when the start runs out of time, which
/// server, migrate step or service it was still waiting for is the first thing a CI log must say.
/// </summary>
internal sealed class ResourceStates
{
    private readonly ConcurrentDictionary<string, CustomResourceSnapshot> _latest = new();

    public static ResourceStates Watch(DistributedApplication app, CancellationToken stop)
    {
        var states = new ResourceStates();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in app.ResourceNotifications.WatchAsync(stop))
                {
                    if (!change.Snapshot.IsHidden) // Aspire's own helpers (rebuilders)
                    {
                        states._latest[change.ResourceId] = change.Snapshot;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, stop);
        return states;
    }

    /// <summary>The resources not up yet, one per line; those running healthy or finished well are only counted.</summary>
    public override string ToString()
    {
        var pending = _latest.Where(s => !IsUp(s.Value)).OrderBy(s => s.Key).Select(s => $"  {s.Key}: {Describe(s.Value)}").ToList();
        return string.Join('\n', pending.Prepend($"  ({_latest.Count - pending.Count} of {_latest.Count} resources up or finished)"));
    }

    private static bool IsUp(CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text;
        return state == KnownResourceStates.Running && snapshot.HealthStatus is null or HealthStatus.Healthy
               || (state == KnownResourceStates.Finished || state == KnownResourceStates.Exited) && snapshot.ExitCode == 0;
    }

    private static string Describe(CustomResourceSnapshot snapshot) =>
        string.Join(", ", new[]
        {
            snapshot.State?.Text is { Length: > 0 } state ? state : "not started",
            snapshot.HealthStatus is { } health ? health.ToString().ToLowerInvariant() : null,
            snapshot.ExitCode is { } code ? $"exit code {code}" : null,
        }.Where(part => part is not null));
}
