using System.Collections.Concurrent;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// How many requests each service is given at once, and how briefly one may wait for its turn (issue 25 §1). Past a
/// service's capacity its answers only get slower for everyone, and requests queued in front of it for minutes are
/// of use to no one; here the excess is refused at once, so what is admitted keeps a bounded latency and the caller
/// knows to come back. Limits are per service, so one overloaded service leaves the others' turns alone.
/// The number of turns adapts (<see cref="Turns"/>): what a service can take depends on the machine and on what else
/// runs on it, so no fixed number is right for both a laptop and a country's cluster.
/// Settings: Gateway:Admission:{Concurrency|MinConcurrency|QueueLimit|QueueMilliseconds|StandingQueueMilliseconds|
/// TargetMilliseconds}, and per service Gateway:Admission:Services:&lt;cluster&gt;:{…}.
/// </summary>
public sealed class ServiceAdmission(Func<string, ServiceAdmission.Limits> limitsOf, TimeProvider clock)
{
    /// <param name="Concurrency">The most turns a service is given.</param>
    /// <param name="MinConcurrency">The fewest turns it keeps however slow it answers.</param>
    /// <param name="QueueTimeout">How long a request may wait for a turn while the queue is a passing burst.</param>
    /// <param name="StandingQueueTimeout">How long it may wait once the queue stands (<see cref="Turns"/>): the service is overloaded.</param>
    /// <param name="TargetLatency">The answer time (90th percentile) above which its turns shrink; zero keeps them fixed.</param>
    public sealed record Limits(int Concurrency, int MinConcurrency, int QueueLimit, TimeSpan QueueTimeout, TimeSpan StandingQueueTimeout,
        TimeSpan TargetLatency);

    /// <summary>
    /// A service's database pool holds 20 connections (DatabaseRegistration.MaxPoolSize) and nearly every request needs
    /// one: more at once would only queue inside the service, where the gateway can no longer refuse them early. An
    /// admitted request's p99 target is 500 ms (issue 25 §7): the turns shrink when the 90th percentile passes 150 ms;
    /// a queued request gives up after 250 ms in a burst, and after 50 ms once the queue stands, so a request that
    /// arrives during an overload waits at most that on top of its answer time (one queued before the queue stood keeps
    /// its 250 ms, at the back).
    /// </summary>
    public static readonly Limits Defaults = new(Concurrency: 20, MinConcurrency: 4, QueueLimit: 40,
        QueueTimeout: TimeSpan.FromMilliseconds(250), StandingQueueTimeout: TimeSpan.FromMilliseconds(50),
        TargetLatency: TimeSpan.FromMilliseconds(150));

    private readonly ConcurrentDictionary<string, Turns> _services = new();

    public ServiceAdmission(IConfiguration configuration) : this(service => LimitsOf(configuration, service), TimeProvider.System)
    {
    }

    /// <summary>Each service's number of turns now, for the dashboard.</summary>
    public IEnumerable<KeyValuePair<string, int>> CurrentLimits => _services.Select(s => KeyValuePair.Create(s.Key, s.Value.Limit));

    /// <summary>The turns of <paramref name="service"/> (created with its limits on first use).</summary>
    public Turns Of(string service) => _services.GetOrAdd(service, name => new Turns(limitsOf(name), clock));

    /// <summary>
    /// A turn at <paramref name="service"/> (dispose it when the answer is sent: its time teaches the limit), or null
    /// when the service has no turn free and none came up within the queue time. Throws only when the caller went away.
    /// </summary>
    public ValueTask<IDisposable?> EnterAsync(string service, CancellationToken requestAborted) => Of(service).EnterAsync(requestAborted);

    /// <summary>Cluster metadata that takes a cluster out of admission ("Admission": "off").</summary>
    public const string MetadataKey = "Admission";

    /// <summary>
    /// Requests that take no turn: a WebSocket (the workspace's live connection, open as long as a professional keeps
    /// her page) or an event stream is a connection, not a request; it would hold a turn for hours and teach the limit
    /// that the service is slow. So is every request to a cluster whose metadata says "Admission": "off".
    /// </summary>
    public static bool Exempts(HttpContext context, IReadOnlyDictionary<string, string>? clusterMetadata) =>
        context.WebSockets.IsWebSocketRequest
        || context.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
        || (clusterMetadata is not null && clusterMetadata.TryGetValue(MetadataKey, out var admission)
            && string.Equals(admission, "off", StringComparison.OrdinalIgnoreCase));

    public static Limits LimitsOf(IConfiguration configuration, string service)
    {
        var section = configuration.GetSection("Gateway:Admission");
        var own = section.GetSection("Services").GetSection(service);
        int Number(string key, int fallback) => own.GetValue(key, section.GetValue(key, fallback));
        TimeSpan Milliseconds(string key, TimeSpan fallback) => TimeSpan.FromMilliseconds(Number(key, (int)fallback.TotalMilliseconds));
        var concurrency = Number("Concurrency", Defaults.Concurrency);
        return new Limits(concurrency, Math.Min(concurrency, Number("MinConcurrency", Defaults.MinConcurrency)), Number("QueueLimit", Defaults.QueueLimit),
            Milliseconds("QueueMilliseconds", Defaults.QueueTimeout), Milliseconds("StandingQueueMilliseconds", Defaults.StandingQueueTimeout),
            Milliseconds("TargetMilliseconds", Defaults.TargetLatency));
    }
}
