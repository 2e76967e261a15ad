using System.Diagnostics;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// Sends requests at fixed rates whatever the platform's answers take (an open model, like many independent
/// users), so a slow platform shows as growing latency instead of as a politely lower rate. Each request's
/// latency counts from the moment it was due.
/// </summary>
public static class OpenLoop
{
    public static async Task RunAsync(IReadOnlyDictionary<string, double> ratesPerSecond, TimeSpan duration, Func<string, long, Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        var sent = ratesPerSecond.Keys.ToDictionary(k => k, _ => 0L);
        var inFlight = new List<Task>();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            foreach (var (kind, rate) in ratesPerSecond)
            {
                var dueCount = (long)(elapsed * rate);
                for (; sent[kind] < dueCount; sent[kind]++)
                {
                    var due = started + (long)(sent[kind] / rate * Stopwatch.Frequency);
                    inFlight.Add(Task.Run(() => send(kind, due)));
                }
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            await tick.WaitForNextTickAsync();
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>A closed loop: <paramref name="concurrency"/> callers, each sending its next request when the last one answered.</summary>
    public static async Task RunClosedAsync(int concurrency, TimeSpan duration, Func<long, Task> send)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await send(Stopwatch.GetTimestamp());
            }
        })));
    }
}
