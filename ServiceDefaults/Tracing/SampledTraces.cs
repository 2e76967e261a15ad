using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Safeguard.ServiceDefaults.Tracing;

/// <summary>
/// Keeps a share of traces, decided once where a trace starts (the gateway, for requests) and followed by every process
/// it reaches through the trace context (issue 25 §5). A trace left out is still recorded, not sampled: its spans
/// are built and handed to <see cref="ErrorTraces"/>, which sends them after all if one of them failed.
/// </summary>
public sealed class SampledTraces(double ratio) : Sampler
{
    private static readonly SamplingResult Kept = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Watched = new(SamplingDecision.RecordOnly);

    private readonly TraceIdRatioBasedSampler _share = new(ratio);

    public double Ratio { get; } = ratio;

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        if (parameters.ParentContext.TraceId != default)
        {
            return (parameters.ParentContext.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Kept : Watched;
        }
        return _share.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample ? Kept : Watched;
    }
}
