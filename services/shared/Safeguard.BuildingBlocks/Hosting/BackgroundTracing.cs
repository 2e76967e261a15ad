using System.Diagnostics;
using OpenTelemetry;

namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>
/// Tracing for background workers that poll (outbox dispatcher, e-mail delivery). An idle poll every
/// second would bury real traces in the dashboard, so polls run <see cref="Quiet"/>; the work a poll
/// finds is traced with <see cref="Continue"/> as part of the request that caused it.
/// </summary>
public static class BackgroundTracing
{
    /// <summary>Nothing inside this scope is traced.</summary>
    public static IDisposable Quiet() => SuppressInstrumentationScope.Begin();

    /// <summary>
    /// Traces what follows (even inside <see cref="Quiet"/>) as a child of <paramref name="traceParent"/>,
    /// the W3C trace context stored when the work was recorded.
    /// </summary>
    public static IDisposable Continue(ActivitySource source, string name, string? traceParent, out Activity? activity)
    {
        var traced = SuppressInstrumentationScope.Begin(false);
        activity = source.StartActivity(name, ActivityKind.Internal, traceParent);
        return new Scope(traced, activity);
    }

    private sealed class Scope(IDisposable traced, Activity? activity) : IDisposable
    {
        public void Dispose()
        {
            activity?.Dispose();
            traced.Dispose();
        }
    }
}
