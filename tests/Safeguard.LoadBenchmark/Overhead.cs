using System.Diagnostics;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What the gateway adds to a direct call to risk-assessment (issue 25 §4): one caller sends the same request through
/// the gateway and directly, in turn, so that both ways meet the machine in the same state (one phase after the other
/// made the first look slower while consumers drained a backlog).
/// </summary>
public static class Overhead
{
    public static readonly string[] Kinds = [Mix.ReadCase, Mix.Assessment];

    public sealed record Result(IReadOnlyDictionary<string, (Latencies.Summary Gateway, Latencies.Summary Direct)> ByKind, Latencies Errors)
    {
        /// <summary>What the gateway adds to a direct call of a kind, as a share of it (p50).</summary>
        public double Of(string kind) => ByKind[kind].Gateway.P50 / ByKind[kind].Direct.P50 - 1;
    }

    public static async Task<Result> MeasureAsync(World world, TimeSpan duration)
    {
        var viaGateway = new Latencies();
        var direct = new Latencies();
        var throughGateway = new Mix(world, viaGateway);
        var toService = new Mix(world, direct);
        // One kind after the other, each for half the time: an assessment's after-work (its events, their consumers)
        // would otherwise weigh on whichever request came next. Within a kind the order flips every round, so neither
        // way is always the one right after the other's after-work.
        foreach (var kind in Kinds)
        {
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds / Kinds.Length * Stopwatch.Frequency);
            for (var round = 0; Stopwatch.GetTimestamp() < until; round++)
            {
                if (round % 2 == 0)
                {
                    await throughGateway.RunAsync(kind, Stopwatch.GetTimestamp());
                    await toService.RunAsync(kind, Stopwatch.GetTimestamp(), direct: true);
                }
                else
                {
                    await toService.RunAsync(kind, Stopwatch.GetTimestamp(), direct: true);
                    await throughGateway.RunAsync(kind, Stopwatch.GetTimestamp());
                }
            }
        }
        var errors = new Latencies();
        errors.Merge(viaGateway);
        errors.Merge(direct);
        return new Result(Kinds.ToDictionary(k => k, k => (viaGateway.Summarize(k), direct.Summarize(k))), errors);
    }
}
