using System.Diagnostics;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// What the gateway adds to a direct call to risk-assessment (issue 25 §4): one caller sends a case read and an
/// assessment, each through the gateway and then directly, in turn, so that both ways meet the machine in the same
/// state (one phase after the other made the first look slower while consumers drained a backlog).
/// </summary>
public static class Overhead
{
    public static readonly string[] Kinds = [Mix.ReadCase, Mix.Assessment];

    public sealed record Result(IReadOnlyDictionary<string, (Latencies.Summary Gateway, Latencies.Summary Direct)> ByKind, Latencies Errors);

    public static async Task<Result> MeasureAsync(World world, TimeSpan duration)
    {
        var viaGateway = new Latencies();
        var direct = new Latencies();
        var throughGateway = new Mix(world, viaGateway);
        var toService = new Mix(world, direct);
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (var kind in Kinds)
            {
                await throughGateway.RunAsync(kind, Stopwatch.GetTimestamp());
                await toService.RunAsync(kind, Stopwatch.GetTimestamp(), direct: true);
            }
        }
        var errors = new Latencies();
        errors.Merge(viaGateway);
        errors.Merge(direct);
        return new Result(Kinds.ToDictionary(k => k, k => (viaGateway.Summarize(k), direct.Summarize(k))), errors);
    }
}
