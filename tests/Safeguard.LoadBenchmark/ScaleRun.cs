namespace Safeguard.LoadBenchmark;

/// <summary>
/// The scale run (issue 25 §6): at each step the records are brought up to that many times the 1× figures
/// (<see cref="RecordCounts.Step"/>), then, on the quiet platform, one window of the pollers' rounds is read
/// (<see cref="PollerRounds"/>), a short mix measures reads and writes, and memory is taken. The growth table
/// shows which cost follows the number of all records rather than the due ones.
/// </summary>
public static class ScaleRun
{
    public sealed record Step(
        double Times, RecordCounts Reached, IReadOnlyList<PollerRounds.Round>? Rounds,
        Latencies.Summary Reads, Latencies.Summary Writes, int MixErrors, long DeployedRssBytes, int LoadFailures, TimeSpan LoadTime);

    /// <summary>Reads and writes of the mix at a rate this machine sustains with room to spare, so the figures show growth, not overload.</summary>
    private static readonly Dictionary<string, double> Rates = new()
    {
        [Mix.Assessment] = 20,
        [Mix.OpenCase] = 5,
        [Mix.Contact] = 5,
        [Mix.Returnee] = 2,
        [Mix.ReadPlan] = 10,
        [Mix.ReadCase] = 10,
    };

    private static readonly string[] ReadKinds = [Mix.ReadPlan, Mix.ReadCase];
    private static readonly string[] WriteKinds = [Mix.Assessment, Mix.OpenCase, Mix.Contact, Mix.Returnee];

    public static async Task<IReadOnlyList<Step>> RunAsync(World world, string administrator, IReadOnlyList<double> steps, TimeSpan mixDuration,
        TimeSpan roundWindow, int callers, Report report)
    {
        var results = new List<Step>();
        var loader = new ScaleLoader(world, administrator, callers);
        foreach (var times in steps)
        {
            var target = RecordCounts.Step(times);
            report.Line($"Step {times:0.##}x: loading up to {target.CasesAssessed:N0} assessed cases, {target.LivePlans:N0} live plans, " +
                        $"{target.OpenReintegrationCases:N0} reintegration cases and {target.AuditRows:N0} audit rows ...");
            var started = DateTimeOffset.UtcNow;
            var failuresBefore = loader.Failures;
            var reached = await loader.LoadAsync(target, report.Line);
            var loadTime = DateTimeOffset.UtcNow - started;

            // The load's events and e-mails drain before the quiet window. The 100x step leaves about 200,000 e-mails
            // behind its loading (one per case, 15 per plan), which at the ~110 a second measured after the 10x step
            // take half an hour: hence a limit that grows with the step.
            var settleLimit = TimeSpan.FromMinutes(Math.Max(30, 0.6 * times));
            var backlog = await RecordCounts.SettleAsync(administrator, settleLimit);
            report.Line($"  settled after {(DateTimeOffset.UtcNow - started - loadTime).TotalMinutes:0.0} min" +
                        (backlog == 0 ? "" : $"; {backlog:N0} events or e-mails still waiting after {settleLimit.TotalMinutes:0} min"));
            report.Line($"  quiet: reading the pollers' rounds for {roundWindow.TotalSeconds:0} s ...");
            var rounds = await PollerRounds.MeasureAsync(administrator, roundWindow);
            var memory = ProcessUsage.Measure().Where(ProcessUsage.IsDeployed).Sum(u => u.RssBytes);

            report.Line($"  the mix for {mixDuration.TotalSeconds:0} s: {string.Join(", ", Rates.Select(r => $"{r.Key} {r.Value:0.#}/s"))} ...");
            var latencies = new Latencies();
            var mix = new Mix(world, latencies);
            await OpenLoop.RunAsync(Rates, mixDuration, (kind, due) => mix.RunAsync(kind, due));
            results.Add(new Step(times, reached, rounds, latencies.Summarize(ReadKinds), latencies.Summarize(WriteKinds),
                latencies.ErrorCount + latencies.RefusedCount, memory, loader.Failures - failuresBefore, loadTime));
            if (times != steps[^1])
            {
                report.Growth(results, verdicts: false);
            }
        }
        return results;
    }
}
