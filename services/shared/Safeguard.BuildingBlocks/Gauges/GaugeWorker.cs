using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Gauges;

/// <summary>Never signalled: the gauges refresh on their interval only.</summary>
public sealed class GaugeSignal : WakeSignal;

/// <summary>
/// Refreshes the service's gauges every Safeguard:GaugeInterval (15 s by default) from its <see cref="IGaugeSource"/>s,
/// and hands the last readings to the metrics exporter, which collects them on its own schedule. A source that fails
/// (its broker down) keeps its last readings and is tried again next round; the others still refresh.
/// </summary>
public sealed class GaugeWorker : PollingWorker
{
    public const string MeterName = "Safeguard.Gauges";

    private readonly IServiceScopeFactory _scopes;
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<Type, GaugeReadings> _bySource = new();
    private readonly ConcurrentDictionary<Gauge, ObservableGauge<double>> _instruments = new();

    public GaugeWorker(IServiceScopeFactory scopes, IMeterFactory meters, GaugeSignal signal, TimeProvider time, IConfiguration configuration,
        ILogger<GaugeWorker> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _meter = meters.Create(MeterName);
        PollInterval = configuration.GetValue("Safeguard:GaugeInterval", TimeSpan.FromSeconds(15));
    }

    protected override TimeSpan PollInterval { get; }

    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = _scopes.CreateAsyncScope();
        foreach (var source in scope.ServiceProvider.GetServices<IGaugeSource>())
        {
            var readings = new GaugeReadings();
            try
            {
                await source.ReadAsync(readings, Time.GetUtcNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The exception's type only: its message could quote stored data.
                Logger.LogWarning("Gauges of {Source} kept their last readings after {Error}", source.GetType().Name, ex.GetType().Name);
                continue;
            }
            if (_bySource.TryGetValue(source.GetType(), out var previous))
            {
                readings.ZeroWhatIsGoneSince(previous);
            }
            _bySource[source.GetType()] = readings;
            foreach (var gauge in readings.Gauges)
            {
                _instruments.GetOrAdd(gauge, g => _meter.CreateObservableGauge(g.Name, () => Observe(g), g.Unit, g.Description));
            }
        }
        return false;
    }

    private IEnumerable<Measurement<double>> Observe(Gauge gauge) =>
        _bySource.Values.SelectMany(readings => readings.Of(gauge)).ToList();
}
