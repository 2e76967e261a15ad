using System.Diagnostics.Metrics;

namespace Safeguard.BuildingBlocks.Gauges;

/// <summary>What one <see cref="IGaugeSource"/> read in one round: measurements of its gauges, with their labels.</summary>
public sealed class GaugeReadings
{
    private readonly Dictionary<Gauge, Dictionary<string, Measurement<double>>> _readings = [];

    internal IEnumerable<Gauge> Gauges => _readings.Keys;

    public void Add(Gauge gauge, double value, params ReadOnlySpan<KeyValuePair<string, object?>> labels)
    {
        if (!_readings.TryGetValue(gauge, out var measurements))
        {
            _readings[gauge] = measurements = [];
        }
        var measurement = new Measurement<double>(value, labels);
        measurements[Key(measurement)] = measurement;
    }

    internal IReadOnlyCollection<Measurement<double>> Of(Gauge gauge) =>
        _readings.TryGetValue(gauge, out var measurements) ? measurements.Values : [];

    /// <summary>
    /// Reads 0 for every label set <paramref name="previous"/> had and this round has not (the last overdue clock of
    /// a centre met): the exporter repeats a label set's last value until it is told otherwise.
    /// </summary>
    internal void ZeroWhatIsGoneSince(GaugeReadings previous)
    {
        foreach (var (gauge, measurements) in previous._readings)
        {
            foreach (var (key, measurement) in measurements)
            {
                if (!_readings.TryGetValue(gauge, out var now) || !now.ContainsKey(key))
                {
                    Add(gauge, 0, measurement.Tags);
                }
            }
        }
    }

    private static string Key(Measurement<double> measurement)
    {
        var labels = measurement.Tags.ToArray();
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join('\u001f', labels.Select(l => $"{l.Key}={l.Value}"));
    }
}

/// <summary>
/// Reads some of a service's gauges from its own database or broker, once a round (<see cref="GaugeWorker"/>), in
/// a scope of its own: never inside the metrics callback, which must not wait on I/O. Its queries are tagged
/// "poll: …", as every poll's is, and traced by no one.
/// </summary>
public interface IGaugeSource
{
    Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken);
}
