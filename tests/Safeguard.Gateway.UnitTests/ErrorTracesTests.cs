using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Safeguard.ServiceDefaults.Tracing;

namespace Safeguard.Gateway.UnitTests;

/// <summary>Sampled traces, and every failed trace besides, reach the exporter (issue 25 §5).</summary>
public sealed class ErrorTracesTests : IDisposable
{
    // Not under "Safeguard.": a host that SampledTelemetryTests runs at the same time listens to every such source,
    // and its own ErrorTraces would mark these spans recorded when it sends them, ahead of this test's processor.
    private readonly ActivitySource _source = new("Tests.ErrorTraces." + Guid.NewGuid().ToString("N"));
    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;

    public ErrorTracesTests()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(_source.Name)
            .SetSampler(new SampledTraces(0))
            .AddProcessor(new ErrorTraces(new SimpleActivityExportProcessor(new Collecting(_exported))))
            .Build()!;
    }

    [Fact]
    public void A_trace_left_out_that_succeeds_sends_nothing()
    {
        using (var request = _source.StartActivity("GET /cases/{id}", ActivityKind.Server))
        {
            Assert.NotNull(request); // recorded, so that it can still be sent
            Assert.False(request.Recorded);
            using (_source.StartActivity("SELECT cases")) { }
        }

        Assert.Empty(_exported);
    }

    [Fact]
    public void A_trace_left_out_with_a_failed_span_is_sent_whole()
    {
        using (var request = _source.StartActivity("POST /cases", ActivityKind.Server))
        {
            using (_source.StartActivity("SELECT cases")) { }
            using (var insert = _source.StartActivity("INSERT audit"))
            {
                insert!.SetStatus(ActivityStatusCode.Error);
            }
            using (_source.StartActivity("ROLLBACK")) { }
        }

        Assert.Equal(["SELECT cases", "INSERT audit", "ROLLBACK", "POST /cases"], _exported.Select(a => a.DisplayName));
        Assert.All(_exported, a => Assert.True(a.Recorded));
    }

    [Fact]
    public void A_failed_span_that_began_the_trace_sends_the_spans_under_it()
    {
        using (var request = _source.StartActivity("POST /cases", ActivityKind.Server))
        {
            using (_source.StartActivity("SELECT cases")) { }
            request!.SetStatus(ActivityStatusCode.Error);
        }

        Assert.Equal(["SELECT cases", "POST /cases"], _exported.Select(a => a.DisplayName));
    }

    [Fact]
    public void A_trace_continued_from_a_caller_that_kept_it_is_kept_and_one_it_left_out_is_left_out()
    {
        var kept = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var leftOut = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        using (_source.StartActivity("consume CaseOpened", ActivityKind.Consumer, kept)) { }
        using (_source.StartActivity("consume PlanAdopted", ActivityKind.Consumer, leftOut)) { }

        Assert.Equal(["consume CaseOpened"], _exported.Select(a => a.DisplayName));
    }

    [Fact]
    public void The_share_is_decided_where_a_trace_begins()
    {
        using var everything = Sdk.CreateTracerProviderBuilder().AddSource(_source.Name + ".all")
            .SetSampler(new SampledTraces(1)).Build();
        using var source = new ActivitySource(_source.Name + ".all");

        using var root = source.StartActivity("GET /cases");

        Assert.True(root!.Recorded);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _source.Dispose();
    }

    private sealed class Collecting(List<Activity> exported) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                exported.Add(activity);
            }
            return ExportResult.Success;
        }
    }
}
