using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.BuildingBlocks.Gauges;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>The gauges an operator reads are the last round's readings, and a place whose clocks are all met reads 0 (issue 26 §1).</summary>
public sealed class GaugeWorkerTests
{
    private sealed class SettableSource : IGaugeSource
    {
        public volatile int Overdue;

        public Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (Overdue > 0)
            {
                readings.Add(PlatformGauges.Clocks, Overdue, new("clock", "first-contact"), new("status", "overdue"), new("centre", "CSR-NS"));
            }
            readings.Add(PlatformGauges.Clocks, 1, new("clock", "first-contact"), new("status", "overdue"), new("centre", "CSR-BG"));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_label_set_that_a_round_no_longer_reads_is_reported_as_zero()
    {
        var source = new SettableSource { Overdue = 2 };
        var services = new ServiceCollection().AddMetrics().AddSingleton<IGaugeSource>(source).BuildServiceProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Safeguard:GaugeInterval", "00:00:00.020")]).Build();
        var worker = new GaugeWorker(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IMeterFactory>(),
            new GaugeSignal(), TimeProvider.System, configuration, NullLogger<GaugeWorker>.Instance);
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GaugeWorker.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (seen)
            {
                seen[(string)tags.ToArray().Single(t => t.Key == "centre").Value!] = value;
            }
        });
        listener.Start();

        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await Until(() => Read(listener, seen, "CSR-NS") == 2);
            source.Overdue = 0;
            await Until(() => Read(listener, seen, "CSR-NS") == 0);

            Assert.Equal(1, Read(listener, seen, "CSR-BG"));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static double? Read(MeterListener listener, Dictionary<string, double> seen, string centre)
    {
        listener.RecordObservableInstruments();
        lock (seen)
        {
            return seen.TryGetValue(centre, out var value) ? value : null;
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the gauge never read as expected");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
