using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Safeguard.ServiceDefaults.Tracing;

/// <summary>
/// Sends the sampled traces, and the traces left out by <see cref="SampledTraces"/> that failed: an operator who
/// samples still sees every error whole (issue 25 §5). The spans of a trace left out wait here until the span that
/// began it in this process ends; if one of them failed they are sent, otherwise dropped. A span that fails later
/// than that is sent with what is still waiting of its trace, and so are the rest of that trace's spans here.
/// Each process decides for its own spans: a service's failure answered 5xx fails the gateway's span too, so both
/// halves of a failed request reach the dashboard.
/// </summary>
public sealed class ErrorTraces : CompositeProcessor<Activity>
{
    /// <summary>Spans waiting longer than this for the span that began their trace are dropped (it ended first, or never here).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>At most this many traces wait at once; beyond, spans of new traces are not kept unless they fail.</summary>
    public const int MaxWaitingTraces = 10_000;

    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<ActivityTraceId, Waiting> _waiting = new();
    private readonly ConcurrentDictionary<ActivityTraceId, long> _failed = new();
    private readonly TimeProvider _time;
    private int _ended;

    /// <param name="export">What sends spans on (the OTLP batch processor): it sends only spans marked recorded.</param>
    public ErrorTraces(BaseProcessor<Activity> export, TimeProvider? time = null) : base([export]) => _time = time ?? TimeProvider.System;

    /// <summary>How many traces have spans waiting now.</summary>
    public int WaitingTraces => _waiting.Count;

    public override void OnEnd(Activity activity)
    {
        if (activity.Recorded)
        {
            base.OnEnd(activity);
            return;
        }
        if (Interlocked.Increment(ref _ended) % SweepEvery == 0)
        {
            Sweep();
        }

        var trace = activity.TraceId;
        var beganHere = activity.Parent is null;
        if (_failed.ContainsKey(trace) || activity.Status == ActivityStatusCode.Error)
        {
            if (beganHere)
            {
                _failed.TryRemove(trace, out _);
            }
            else
            {
                _failed[trace] = _time.GetTimestamp();
            }
            if (_waiting.TryRemove(trace, out var waiting))
            {
                foreach (var earlier in waiting.Take())
                {
                    Send(earlier);
                }
            }
            Send(activity);
            return;
        }
        if (beganHere)
        {
            _waiting.TryRemove(trace, out _);
            return;
        }
        if (_waiting.TryGetValue(trace, out var existing) || _waiting.Count < MaxWaitingTraces)
        {
            (existing ?? _waiting.GetOrAdd(trace, _ => new Waiting(_time.GetTimestamp()))).Add(activity);
        }
    }

    private void Send(Activity activity)
    {
        activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        base.OnEnd(activity);
    }

    private void Sweep()
    {
        foreach (var (trace, waiting) in _waiting)
        {
            if (_time.GetElapsedTime(waiting.Since) > MaxWait)
            {
                _waiting.TryRemove(trace, out _);
            }
        }
        foreach (var (trace, since) in _failed)
        {
            if (_time.GetElapsedTime(since) > MaxWait)
            {
                _failed.TryRemove(trace, out _);
            }
        }
    }

    private sealed class Waiting(long since)
    {
        private readonly List<Activity> _spans = [];

        public long Since { get; } = since;

        public void Add(Activity activity)
        {
            lock (_spans)
            {
                _spans.Add(activity);
            }
        }

        public List<Activity> Take()
        {
            lock (_spans)
            {
                var taken = new List<Activity>(_spans);
                _spans.Clear();
                return taken;
            }
        }
    }
}
